import type { TAuditAction } from "@/lib/domain/exports/lists/audit";
import type { AuditChange } from "@/lib/domain/audit/audit-changes";

const none = <span className="text-muted-foreground">—</span>;

const SUMMARY: Record<TAuditAction, (n: number) => string> = {
  CREATE: (n) => `Создана: ${n} ${fields(n)}`,
  UPDATE: (n) => `Изменено: ${n} ${fields(n)}`,
  DELETE: (n) => `Удалена: ${n} ${fields(n)}`,
  READ: (n) => (n ? `Подробности: ${n}` : "Просмотр"),
  ERASE: (n) => (n ? `Подробности: ${n}` : "Стирание по запросу"),
};

function fields(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return "поле";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "поля";
  return "полей";
}

/** A long value (a template's content) scrolls inside its cell rather than stretching the table. */
function Value(props: { value: string | null }) {
  if (props.value === null) return none;
  return <span className="block max-h-40 max-w-md overflow-auto whitespace-pre-wrap break-words font-mono text-xs">{props.value}</span>;
}

/** The fields an event changed, folded: before and after side by side. */
export function AuditChanges(props: { action: TAuditAction; changes: AuditChange[] }) {
  if (props.changes.length === 0) return <span className="text-muted-foreground">{SUMMARY[props.action](0)}</span>;
  return (
    <details className="min-w-72">
      <summary className="cursor-pointer text-primary">{SUMMARY[props.action](props.changes.length)}</summary>
      <table className="mt-2 w-full text-xs">
        <thead>
          <tr className="text-left text-muted-foreground">
            <th scope="col" className="pr-2 font-medium">
              Поле
            </th>
            <th scope="col" className="pr-2 font-medium">
              Было
            </th>
            <th scope="col" className="font-medium">
              Стало
            </th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr key={c.field} className="border-t border-border align-top">
              <th scope="row" className="py-1 pr-2 text-left font-mono font-normal">
                {c.field}
              </th>
              <td className="py-1 pr-2">
                <Value value={c.before} />
              </td>
              <td className="py-1">
                <Value value={c.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
