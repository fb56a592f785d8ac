import Link from "next/link";
import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { formatPercent } from "@/lib/domain/dashboard/format";
import type { DashboardMunicipalityRow } from "@/lib/domain/dashboard/campaign-dashboard";

/** The municipalities of a campaign with their scores and open findings; the chart's numbers in words. */
export function MunicipalitiesTable(props: {
  rows: DashboardMunicipalityRow[];
  caption: string;
  dynamicsHref: (row: DashboardMunicipalityRow) => string;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-border bg-background">
      <table className="w-full text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
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
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.municipalityId} className="border-t border-border">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.name}
              </th>
              <td className="px-3 py-2">
                {row.municipalBlankId && row.municipalStatus ? (
                  <Link href={`/blanks/${row.municipalBlankId}`} className="hover:underline">
                    <span className="sr-only">Бланк МО {row.name}: </span>
                    <BlankStatusBadge status={row.municipalStatus} />
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPercent(row.score)}</td>
              <td className="px-3 py-2">{row.grade ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.schools ? `${row.schoolsCounted} из ${row.schools}` : "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPercent(row.schoolAverage)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.openFindings}</td>
              <td className="px-3 py-2">
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
    </div>
  );
}
