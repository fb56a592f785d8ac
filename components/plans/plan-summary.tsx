import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/dates";
import type { PlanEventView } from "@/lib/server/plans/get-plan";
import { OverdueCount } from "./overdue-count";

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-md border border-border bg-background px-4 py-3">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">{children}</dd>
    </div>
  );
}

/** Мероприятий, проведено, просрочено, ближайший срок: over all of the plan's events. */
export function PlanSummary({ planId, events }: { planId: string; events: PlanEventView[] }) {
  const next = events.filter((e) => e.nextDue).toSorted((a, b) => a.nextDue!.localeCompare(b.nextDue!))[0];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Figure label="Мероприятий">{events.length}</Figure>
      <Figure label="Проведено">{events.filter((e) => e.status === "DONE").length}</Figure>
      <Figure label="Просрочено">
        <OverdueCount value={events.filter((e) => e.overdue).length} />
      </Figure>
      <Figure label="Ближайший срок">
        {next ? (
          <>
            <time dateTime={next.nextDue!}>{formatDate(next.nextDue)}</time>
            <Link
              href={`/plans/${planId}?view=table#event-${next.id}`}
              className="mt-1 line-clamp-2 block text-sm font-normal text-primary hover:underline"
            >
              {next.title}
            </Link>
          </>
        ) : (
          <span className="text-base font-normal text-muted-foreground">нет открытых сроков</span>
        )}
      </Figure>
    </dl>
  );
}
