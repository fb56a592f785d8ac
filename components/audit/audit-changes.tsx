import { useId } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { AuditChange } from "@/lib/domain/audit/audit-changes";
import type { TAuditAction } from "@/lib/domain/exports/lists/audit";

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

/** Up to this many characters a value is shown whole; a longer one (a description, a remark) folds. */
const SHORT = 160;
/** Up to this many changed fields the list is open; a creation of a whole row starts folded. */
const OPEN_UP_TO = 3;

function Value(props: { value: string | null }) {
  const { value } = props;
  if (value === null) return none;
  if (value.length <= SHORT) return <span className="whitespace-pre-wrap break-words">{value}</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none whitespace-pre-wrap break-words">
        <span className="group-open:hidden">{value.slice(0, SHORT)}… </span>
        <span className="text-primary underline-offset-2 hover:underline">
          <span className="group-open:hidden">показать полностью</span>
          <span className="hidden group-open:inline">свернуть</span>
        </span>
      </summary>
      <p className="whitespace-pre-wrap break-words">{value}</p>
    </details>
  );
}

/** The fields an event changed, by their Russian names: before and after side by side; the stored JSON folded away. */
export function AuditChanges(props: { action: TAuditAction; changes: AuditChange[]; technical: string | null; entityId: string }) {
  const { changes } = props;
  const technicalId = useId();
  return (
    <div className="min-w-64 max-w-xl space-y-1">
      {changes.length === 0 ? (
        <p className="text-muted-foreground">{SUMMARY[props.action](0)}</p>
      ) : (
        <details open={changes.length <= OPEN_UP_TO}>
          <summary className="cursor-pointer text-primary">{SUMMARY[props.action](changes.length)}</summary>
          <table className="mt-2 w-full table-fixed text-xs">
            <thead>
              <tr className="text-left text-muted-foreground">
                <th scope="col" className="w-1/4 pr-2 font-medium">
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
              {changes.map((c) => (
                <tr key={c.field} className="border-t border-border align-top">
                  <th scope="row" className="break-words py-1 pr-2 text-left font-normal">
                    {c.label}
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
      )}
      <details className="text-xs">
        <summary id={technicalId} className="cursor-pointer text-muted-foreground">
          технические подробности
        </summary>
        <p className="mt-1 break-all font-mono">Идентификатор записи: {props.entityId}</p>
        {props.technical && (
          <ScrollRegion labelledBy={technicalId} className="mt-1 max-h-60 overflow-auto bg-muted">
            <pre className="whitespace-pre-wrap break-all p-2 font-mono">{props.technical}</pre>
          </ScrollRegion>
        )}
      </details>
    </div>
  );
}
