import { describeRule } from "@/lib/domain/plans/target-rules";
import type { IndicatorView } from "@/lib/server/plans/get-plan-indicators";
import { IndicatorStatus } from "./indicator-status";

const cell = "py-2 pr-3 align-top";

/** The plan's target indicators as seed 004 tabulates them (sections 6 and 7), with each period's verdict. */
export function IndicatorTable({ indicators }: { indicators: IndicatorView[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-muted-foreground">
          Целевые показатели, методы сбора информации и выполнение по периодам
        </caption>
        <thead>
          <tr className="border-b border-border text-left">
            <th scope="col" className={cell}>
              №
            </th>
            <th scope="col" className={cell}>
              Показатель
            </th>
            <th scope="col" className={cell}>
              Значение показателя
            </th>
            <th scope="col" className={cell}>
              Метод сбора информации
            </th>
            <th scope="col" className={cell}>
              Результат
            </th>
            <th scope="col" className="py-2 align-top">
              Выполнение
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr key={indicator.id} className="border-b border-border">
              <td className={`${cell} tabular-nums`}>{indicator.number}</td>
              <td className={cell}>{indicator.title}</td>
              <td className={cell}>
                <p>{indicator.targetText}</p>
                {indicator.rules.length > 0 && (
                  <p className="mt-1 text-xs text-muted-foreground">
                    Прочитано: {indicator.rules.map((rule) => describeRule(rule, { withSubject: true })).join("; ")}
                  </p>
                )}
              </td>
              <td className={cell}>{indicator.method || "—"}</td>
              <td className={cell}>{indicator.monitoring || "—"}</td>
              <td className="py-2 align-top">
                {indicator.periods.length === 0 ? (
                  <span className="text-muted-foreground">Значения не внесены</span>
                ) : (
                  <ul className="space-y-1">
                    {indicator.periods.map((p) => (
                      <li key={p.period}>
                        <IndicatorStatus period={p.period} evaluation={p.evaluation} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
