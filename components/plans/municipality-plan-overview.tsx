import Link from "next/link";
import type { MunicipalityPlanSummary } from "@/lib/server/plans/get-region-plan-overview";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { OverdueCount } from "./overdue-count";

const NUMBER = "text-right tabular-nums";

/**
 * The rows' cells styled once on their tbody rather than on each cell: the classes would
 * otherwise repeat in the HTML and again in the RSC payload, for every municipality.
 */
const ROWS = "[&>tr]:border-t [&>tr]:border-border [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:font-medium";

/** The region's municipalities with their plans, events held and overdue, in the order given (most overdue first). */
export function MunicipalityPlanOverview({ rows }: { rows: MunicipalityPlanSummary[] }) {
  return (
    <ScrollRegion labelledBy="municipalities-caption" className="max-h-96 overflow-auto">
      <table className="w-full text-sm">
        <caption id="municipalities-caption" className="sr-only">
          Планы муниципалитетов: мероприятия проведённые и просроченные
        </caption>
        <thead className="sticky top-0 bg-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              Муниципалитет
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Планов
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Мероприятий
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Проведено
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Просрочено
            </th>
          </tr>
        </thead>
        <tbody className={rows.length ? ROWS : undefined}>
          {rows.map((row) => (
            <tr key={row.municipalityId}>
              <th scope="row">
                {row.plans > 0 ? (
                  <Link href={`/plans?municipalityId=${row.municipalityId}`} className="text-primary hover:underline">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </th>
              <td className={NUMBER}>{row.plans}</td>
              <td className={NUMBER}>{row.events}</td>
              <td className={NUMBER}>{row.done}</td>
              <td className={NUMBER}>
                <OverdueCount value={row.overdue} />
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-muted-foreground">
                Муниципалитетов нет.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
