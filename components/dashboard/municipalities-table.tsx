import Link from "next/link";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { formatPercent } from "@/lib/domain/dashboard/format";
import type { DashboardMunicipalityRow } from "@/lib/domain/dashboard/campaign-dashboard";

/** The municipality names the row: it stays in view while a phone scrolls the numbers. */
const STICKY = "sticky left-0 z-[1] px-3 py-2 shadow-[1px_0_0_var(--color-border)]";

/**
 * The rows' cells styled once on their tbody rather than on each cell: the classes would
 * otherwise repeat in the HTML and again in the RSC payload, for every municipality.
 */
const ROWS = [
  "[&>tr]:border-t [&>tr]:border-border [&_td]:px-3 [&_td]:py-2",
  "[&_th]:sticky [&_th]:left-0 [&_th]:z-[1] [&_th]:px-3 [&_th]:py-2 [&_th]:shadow-[1px_0_0_var(--color-border)] [&_th]:bg-background [&_th]:text-left [&_th]:font-medium",
].join(" ");

/** The municipalities of a campaign with their scores and open findings; the chart's numbers in words. */
export function MunicipalitiesTable(props: {
  rows: DashboardMunicipalityRow[];
  caption: string;
  dynamicsHref: (row: DashboardMunicipalityRow) => string;
}) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId} className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption id={captionId} className="sr-only">
          {props.caption}
        </caption>
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className={cn(STICKY, "bg-muted")}>
              Муниципальное образование
            </th>
            <th scope="col" className="px-3 py-2">
              Бланк МО
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Балл МО
            </th>
            <th scope="col" className="px-3 py-2">
              Оценка
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Школы: сдано из
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Средний балл школ
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Открытые замечания
            </th>
            <th scope="col" className="px-3 py-2">
              Динамика
            </th>
          </tr>
        </thead>
        <tbody className={props.rows.length ? ROWS : undefined}>
          {props.rows.map((row) => (
            <tr key={row.municipalityId}>
              <th scope="row">{row.name}</th>
              <td>
                {row.municipalBlankId && row.municipalStatus ? (
                  <Link href={`/blanks/${row.municipalBlankId}`} className="hover:underline">
                    <span className="sr-only">Бланк МО {row.name}: </span>
                    <BlankStatusBadge status={row.municipalStatus} />
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="text-right tabular-nums">{formatPercent(row.score)}</td>
              <td>{row.grade ?? "—"}</td>
              <td className="text-right tabular-nums">{row.schools ? `${row.schoolsCounted} из ${row.schools}` : "—"}</td>
              <td className="text-right tabular-nums">{formatPercent(row.schoolAverage)}</td>
              <td className="text-right tabular-nums">{row.openFindings}</td>
              <td>
                <Link href={props.dynamicsHref(row)} className="text-primary hover:underline">
                  Динамика<span className="sr-only">: {row.name}</span>
                </Link>
              </td>
            </tr>
          ))}
          {props.rows.length === 0 && (
            <tr>
              <td colSpan={8} className="px-3 py-6 text-center text-muted-foreground">
                Участников нет.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
