import { formatPercent } from "@/lib/domain/dashboard/format";
import type { LevelTypicalErrors } from "@/lib/domain/dashboard/campaign-dashboard";
import { CHART_COLORS } from "./chart-colors";
import { ChartLegend } from "./chart-legend";
import { TypicalErrorsChart } from "./typical-errors-chart";

const shorten = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** One level's typical errors: counts and shares in a table, and the same shares as bars. */
export function TypicalErrorsLevel(props: { id: string; title: string; caption: string; data: LevelTypicalErrors }) {
  const { data } = props;
  const base = `Учтены сданные и принятые бланки: ${data.counted}.${
    data.notCounted ? ` Не сданы и не учитываются: ${data.notCounted}.` : ""
  }`;
  return (
    <section aria-labelledby={`${props.id}-title`} className="space-y-3">
      <h3 id={`${props.id}-title`} className="text-base font-semibold">
        {props.title}
      </h3>
      {!data.present ? (
        <p className="text-sm text-muted-foreground">В кампании нет бланков этого уровня.</p>
      ) : data.counted === 0 ? (
        <p className="text-sm text-muted-foreground">Сданных бланков пока нет. {base}</p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">{base}</p>
          {data.errors.length === 0 ? (
            <p>Ошибок не выявлено: все пункты сданных бланков соответствуют.</p>
          ) : (
            <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
              <div className="overflow-x-auto rounded-md border border-border bg-background">
                <table className="w-full text-sm">
                  <caption className="sr-only">{props.caption}</caption>
                  <thead className="bg-muted text-left">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        Пункт бланка
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        Бланков с ошибкой
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        Доля
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.errors.map((error) => (
                      <tr key={error.itemKey} className="border-t border-border">
                        <th scope="row" className="px-3 py-2 text-left font-normal">
                          {error.itemNumber} {error.itemTitle}
                        </th>
                        <td className="px-3 py-2 text-right tabular-nums">
                          {error.count} из {error.of}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums">{formatPercent(error.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <section aria-labelledby={`${props.id}-chart-title`} className="space-y-2">
                <h4 id={`${props.id}-chart-title`} className="text-sm font-medium">
                  Диаграмма: {props.caption.toLowerCase()}
                </h4>
                <p id={`${props.id}-chart-desc`} className="sr-only">
                  Доля бланков с ошибкой по каждому пункту; те же числа — в таблице рядом.
                </p>
                <TypicalErrorsChart
                  rows={data.errors.map((e) => ({ label: shorten(`${e.itemNumber} ${e.itemTitle}`), share: e.share }))}
                  labelledBy={`${props.id}-chart-title`}
                  describedBy={`${props.id}-chart-desc`}
                />
                <ChartLegend entries={[{ color: CHART_COLORS.errors, label: "Доля бланков с ошибкой" }]} />
              </section>
            </div>
          )}
        </>
      )}
    </section>
  );
}
