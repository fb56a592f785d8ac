import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { formatChange, formatPercent } from "@/lib/domain/dashboard/format";
import { ITEM_STATUS_LABELS, type ItemStatus } from "@/lib/domain/scoring/statuses";
import type { DynamicsComparison, DynamicsFinding } from "@/lib/domain/dashboard/municipality-dynamics";

function changeInWords(change: number | null): string {
  if (change === null) return "Изменение балла не определено: в одной из кампаний бланк ещё не сдан.";
  if (change === 0) return "Балл не изменился.";
  const points = formatChange(Math.abs(change)).replace(/^\+/, "");
  return change > 0 ? `Балл вырос на ${points} п.` : `Балл снизился на ${points} п.`;
}

const statusLabel = (status: string) => ITEM_STATUS_LABELS[status as ItemStatus] ?? status;

/** The comparison of two campaigns for one municipality: scores, then findings closed, new and kept. */
export function DynamicsView(props: { comparison: DynamicsComparison; perSchool: boolean }) {
  const { earlier, later, change, subjects, findings } = props.comparison;
  const sides = [
    ["Тогда", earlier],
    ["Сейчас", later],
  ] as const;
  return (
    <>
      <Card aria-labelledby="dynamics-scores-title" className="space-y-3">
        <CardTitle id="dynamics-scores-title">Балл тогда и сейчас</CardTitle>
        <div className="overflow-x-auto rounded-md border border-border bg-background">
          <table className="w-full text-sm">
            <caption className="sr-only">Балл тогда и сейчас</caption>
            <thead className="bg-muted text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Когда</span>
                </th>
                <th scope="col" className="px-3 py-2">
                  Кампания
                </th>
                <th scope="col" className="px-3 py-2">
                  Дата
                </th>
                <th scope="col" className="px-3 py-2">
                  {props.perSchool ? "Школ: сдано из" : "Бланк"}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {props.perSchool ? "Средний балл" : "Балл"}
                </th>
                <th scope="col" className="px-3 py-2">
                  Оценка
                </th>
              </tr>
            </thead>
            <tbody>
              {sides.map(([label, side]) => (
                <tr key={label} className="border-t border-border">
                  <th scope="row" className="px-3 py-2 text-left">
                    {label}
                  </th>
                  <td className="px-3 py-2">{side.campaign.name}</td>
                  <td className="px-3 py-2">{formatDate(side.campaign.date)}</td>
                  <td className="px-3 py-2">
                    {props.perSchool ? `${side.counted} из ${side.blanks}` : side.status ? <BlankStatusBadge status={side.status} /> : "—"}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatPercent(side.score)}</td>
                  <td className="px-3 py-2">{side.grade ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="font-medium">
          Изменение: {formatChange(change)}. {changeInWords(change)}
        </p>
        {props.perSchool && (
          <div className="overflow-x-auto rounded-md border border-border bg-background">
            <table className="w-full text-sm">
              <caption className="sr-only">Баллы школ тогда и сейчас</caption>
              <thead className="bg-muted text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Школа
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Тогда
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Сейчас
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Изменение
                  </th>
                </tr>
              </thead>
              <tbody>
                {subjects.map((s) => (
                  <tr key={s.subjectId} className="border-t border-border">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {s.name}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{s.earlier ? formatPercent(s.earlier.score) : "не участвовала"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.later ? formatPercent(s.later.score) : "не участвует"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatChange(s.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card aria-labelledby="dynamics-findings-title" className="space-y-4">
        <CardTitle id="dynamics-findings-title">Замечания</CardTitle>
        {findings.compared === 0 ? (
          <Alert tone="info">
            Замечания сравниваются, когда бланки обеих кампаний приняты аудитором: замечания появляются при приёмке бланка.
          </Alert>
        ) : (
          <>
            {findings.notCompared > 0 && (
              <p className="text-sm text-muted-foreground">
                Без сравнения — участников, чьи бланки не приняты в обеих кампаниях: {findings.notCompared}.
              </p>
            )}
            <FindingList
              id="closed"
              title="Устранены"
              empty="Устранённых замечаний нет."
              rows={findings.closed}
              perSchool={props.perSchool}
            />
            <FindingList id="new" title="Новые" empty="Новых замечаний нет." rows={findings.new} perSchool={props.perSchool} />
            <FindingList
              id="kept"
              title="Сохраняются"
              empty="Повторяющихся замечаний нет."
              rows={findings.kept}
              perSchool={props.perSchool}
            />
          </>
        )}
      </Card>
    </>
  );
}

function FindingList(props: { id: string; title: string; empty: string; rows: DynamicsFinding[]; perSchool: boolean }) {
  return (
    <section aria-labelledby={`findings-${props.id}`} className="space-y-2">
      <h3 id={`findings-${props.id}`} className="text-base font-semibold">
        {props.title}: {props.rows.length}
      </h3>
      {props.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{props.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-border bg-background">
          <table className="w-full text-sm">
            <caption className="sr-only">Замечания: {props.title.toLowerCase()}</caption>
            <thead className="bg-muted text-left">
              <tr>
                {props.perSchool && (
                  <th scope="col" className="px-3 py-2">
                    Школа
                  </th>
                )}
                <th scope="col" className="px-3 py-2">
                  Пункт бланка
                </th>
                <th scope="col" className="px-3 py-2">
                  Замечание
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((f) => (
                <tr key={`${f.subjectId}:${f.itemKey}`} className="border-t border-border">
                  {props.perSchool && <td className="px-3 py-2">{f.subject}</td>}
                  <td className="px-3 py-2">
                    {f.itemNumber} {f.itemTitle}
                  </td>
                  <td className="px-3 py-2">{statusLabel(f.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
