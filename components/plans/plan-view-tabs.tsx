import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type PlanViewName = "table" | "timeline";

const VIEWS: Array<[PlanViewName, string]> = [
  ["table", "Таблица"],
  ["timeline", "По месяцам"],
];

/** Links styled as tabs between the plan's table and its timeline; the filters stay. */
export function PlanViewTabs(props: { planId: string; view: PlanViewName; query: Record<string, string> }) {
  return (
    <nav aria-label="Представление плана" className="flex gap-1 border-b border-border print:hidden">
      {VIEWS.map(([view, label]) => (
        <Link
          key={view}
          href={`/plans/${props.planId}?${new URLSearchParams({ ...props.query, view }).toString()}`}
          aria-current={view === props.view ? "page" : undefined}
          className={cn(
            "-mb-px rounded-t-md border border-transparent px-4 py-2 text-sm font-medium",
            view === props.view ? "border-border border-b-background bg-background text-foreground" : "text-primary hover:underline",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
