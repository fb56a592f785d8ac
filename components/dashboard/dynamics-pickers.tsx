import Link from "next/link";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/dates";
import { TEMPLATE_LEVEL_LABELS, type TemplateLevel } from "@/lib/schemas/template";

/**
 * The dynamics page's choices, one step each, so that no choice goes stale: the
 * municipality (a GET form), then the template (links), then the two campaigns (a GET form).
 */
export function MunicipalityPicker(props: { municipalities: { id: string; name: string }[]; selected: string | null }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Выбор муниципального образования">
      <label className="flex flex-col gap-1 text-sm">
        <span>Муниципальное образование</span>
        <NativeSelect
          aria-label="Муниципальное образование"
          name="municipality"
          defaultValue={props.selected ?? ""}
          className="w-80"
          required
        >
          <option value="" disabled>
            Выберите…
          </option>
          {props.municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline">
        Показать
      </Button>
    </form>
  );
}

export function TemplatePicker(props: {
  municipalityId: string;
  templates: { id: string; name: string; level: TemplateLevel }[];
  selected: string | null;
}) {
  return (
    <nav aria-label="Бланк" className="space-y-1">
      <p className="text-sm">Бланк</p>
      <ul className="flex flex-wrap gap-2">
        {props.templates.map((t) => {
          const current = t.id === props.selected;
          return (
            <li key={t.id}>
              <Link
                href={`/dynamics?municipality=${props.municipalityId}&template=${t.id}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block rounded-md border px-3 py-1.5 text-sm hover:bg-muted",
                  current ? "border-primary bg-primary/10 font-medium" : "border-border",
                )}
              >
                {TEMPLATE_LEVEL_LABELS[t.level]}: {t.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function CampaignPairPicker(props: {
  municipalityId: string;
  templateId: string;
  campaigns: { id: string; name: string; date: string }[];
  from: string | null;
  to: string | null;
}) {
  const options = props.campaigns.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name} ({formatDate(c.date)})
    </option>
  ));
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Выбор кампаний для сравнения">
      <input type="hidden" name="municipality" value={props.municipalityId} />
      <input type="hidden" name="template" value={props.templateId} />
      <label className="flex flex-col gap-1 text-sm">
        <span>Ранняя кампания</span>
        <NativeSelect aria-label="Ранняя кампания" name="from" defaultValue={props.from ?? ""} className="w-80">
          <option value="">Предпоследняя (по умолчанию)</option>
          {options}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span>Поздняя кампания</span>
        <NativeSelect aria-label="Поздняя кампания" name="to" defaultValue={props.to ?? ""} className="w-80">
          <option value="">Последняя (по умолчанию)</option>
          {options}
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline">
        Сравнить
      </Button>
    </form>
  );
}
