import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL twin of lib/domain/plans/overdue.ts isOverdue for an event row aliased `e`:
 * planned, and its last day passed (or, recurring, a due date passed unheld; no held
 * dates at all is an empty list, never an unknown that would hide the event).
 */
export function overdueCondition(today: string): Prisma.Sql {
  return Prisma.sql`e."status" = 'PLANNED' AND (
    (e."timingKind" <> 'RECURRING' AND e."endsOn" < ${today}::date)
    OR (e."timingKind" = 'RECURRING' AND EXISTS (
      SELECT 1 FROM unnest(e."dueDates") AS due(d) WHERE due.d < ${today}::date AND NOT (due.d = ANY(COALESCE(e."heldDates", '{}')))
    ))
  )`;
}

/** Events and overdue events per plan, counted in the database. */
export async function countEventsByPlan(
  client: { $queryRaw: <T>(query: Prisma.Sql) => Promise<T> },
  planIds: string[],
  today: string,
): Promise<Map<string, { events: number; overdue: number; done: number }>> {
  if (planIds.length === 0) return new Map();
  const rows = await client.$queryRaw<Array<{ planId: string; events: number; overdue: number; done: number }>>(Prisma.sql`
    SELECT e."planId" AS "planId",
           count(*)::int AS events,
           (count(*) FILTER (WHERE ${overdueCondition(today)}))::int AS overdue,
           (count(*) FILTER (WHERE e."status" = 'DONE'))::int AS done
    FROM "PlanEvent" e
    WHERE e."planId" = ANY(${planIds}::uuid[])
    GROUP BY e."planId"`);
  return new Map(rows.map((r) => [r.planId, { events: r.events, overdue: r.overdue, done: r.done }]));
}
