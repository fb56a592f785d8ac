import { formatNumber } from "@/lib/domain/plans/target-rules";
import type { IndicatorView } from "@/lib/server/plans/get-plan-indicators";
import { IndicatorStatus } from "./indicator-status";

const cell = "py-2 pr-3 align-top";

/** The values entered for an indicator, per period (newest first), each period with its verdict. */
export function IndicatorValues({ indicator }: { indicator: IndicatorView }) {
  if (indicator.periods.length === 0) return <p className="text-sm text-muted-foreground">Значения ещё не внесены.</p>;
  return (
    <div className="space-y-4">
      {indicator.periods.map(({ period, evaluation }) => (
        <div key={period} className="space-y-2">
          <h3 className="text-base font-semibold">Период {period}</h3>
          <p className="text-sm">
            <IndicatorStatus evaluation={evaluation} />
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">
                Значения показателя {indicator.number} за {period}
              </caption>
              <thead>
                <tr className="border-b border-border text-left">
                  <th scope="col" className={cell}>
                    Организация
                  </th>
                  <th scope="col" className={cell}>
                    Значение
                  </th>
                  <th scope="col" className={cell}>
                    База
                  </th>
                  <th scope="col" className={cell}>
                    %
                  </th>
                  <th scope="col" className="py-2 align-top">
                    Примечание
                  </th>
                </tr>
              </thead>
              <tbody>
                {indicator.values
                  .filter((v) => v.period === period)
                  .map((v) => (
                    <tr key={v.id} className="border-b border-border">
                      <td className={cell}>{v.organizationId ? (v.organizationName ?? "Организация вне плана") : "По плану в целом"}</td>
                      <td className={`${cell} tabular-nums`}>{formatNumber(v.value)}</td>
                      <td className={`${cell} tabular-nums`}>{v.base === null ? "—" : formatNumber(v.base)}</td>
                      <td className={`${cell} tabular-nums`}>{v.base ? `${formatNumber((100 * v.value) / v.base)} %` : "—"}</td>
                      <td className="py-2 align-top">{v.note || "—"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}
