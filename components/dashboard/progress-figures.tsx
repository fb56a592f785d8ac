import type { DashboardProgress } from "@/lib/domain/dashboard/campaign-dashboard";

/** The campaign's progress as a list of labelled figures. */
export function ProgressFigures(props: { progress: DashboardProgress; overdue: boolean }) {
  const p = props.progress;
  const figures: [string, number | string][] = [
    ["Бланков всего", p.total],
    ["Не начато", p.notStarted],
    ["Заполняется", p.inProgress],
    ["На проверке", p.submitted],
    ["Возвращено на доработку", p.returned],
    ["Принято", p.accepted],
    ["МО не предоставили информацию", props.overdue ? p.notSubmittedMunicipalities : "срок не истёк"],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-md border border-border bg-background px-3 py-2">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
