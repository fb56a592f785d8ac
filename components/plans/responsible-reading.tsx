import { splitResponsible } from "@/lib/domain/plans/responsible";

/** «Распознаны: Петрова Т.А., Ваховский Ф.И.» under the responsible field, as the server will split it. */
export function ResponsibleReading(props: { id: string; text: string }) {
  const { people, organizations, roles } = splitResponsible(props.text);
  const parts = [
    people.length
      ? `Распознаны: ${people.join(", ")}`
      : props.text.trim()
        ? "Людей с инициалами не найдено — текст сохранится как написан"
        : "",
    organizations.length ? `организации: ${organizations.join(", ")}` : "",
    roles.length ? `должности: ${roles.join(", ")}` : "",
  ].filter(Boolean);
  return (
    <p id={props.id} className="text-xs text-muted-foreground">
      {parts.length
        ? `${parts.join("; ")}.`
        : "Например: «Полякова Н.П., Петрова Т.А., Ваховский Ф.И.» или «директор КМЦ, специалисты КМЦ»."}
    </p>
  );
}
