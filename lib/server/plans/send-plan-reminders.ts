import "server-only";
import { earliestLocalToday, formatDate, latestLocalToday } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, missedDueDates, openDueDates } from "@/lib/domain/plans/overdue";
import { db } from "@/lib/server/db/client";
import { notify } from "@/lib/server/notifications/notify";

/** A reminder goes out this many days before a due date. */
export const PLAN_REMINDER_DAYS = 7;
/**
 * Overdue notices are for events that became overdue lately (a missed run is
 * made up within this window); an imported report of past years is not news.
 */
const OVERDUE_NOTICE_DAYS = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The scheduled job for plans: a reminder to the responsible person a week
 * before an event's due date, and a notice when it becomes overdue. Without a
 * responsible user, the coordinators of the plan's owner are told (the region's
 * admins for a region plan). Sending twice never duplicates (dedupe keys).
 */
export async function sendPlanReminders(options: { now?: Date } = {}): Promise<{ sent: number }> {
  const today = earliestLocalToday(options.now);
  const from = addDays(today, -OVERDUE_NOTICE_DAYS);
  const to = addDays(latestLocalToday(options.now), PLAN_REMINDER_DAYS);
  const candidates = await db().$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT e.id FROM "PlanEvent" e
    WHERE e."status" = 'PLANNED' AND (
      (e."timingKind" <> 'RECURRING' AND e."endsOn" BETWEEN ${from}::date AND ${to}::date)
      OR (e."timingKind" = 'RECURRING' AND EXISTS (SELECT 1 FROM unnest(e."dueDates") AS due(d) WHERE due.d BETWEEN ${from}::date AND ${to}::date))
    )`);
  if (candidates.length === 0) return { sent: 0 };
  const events = await db().planEvent.findMany({
    where: { id: { in: candidates.map((c) => c.id) } },
    include: { plan: { select: { id: true, regionId: true, municipalityId: true, organizationId: true, title: true } } },
  });
  let sent = 0;
  for (const event of events) {
    const due = {
      status: event.status,
      timingKind: event.timingKind,
      endsOn: event.endsOn && day(event.endsOn),
      dueDates: event.dueDates.map(day),
      heldDates: event.heldDates.map(day),
    };
    const recipients = event.responsibleUserId ? [event.responsibleUserId] : await ownerCoordinators(event.plan);
    const link = `/plans/${event.plan.id}#event-${event.id}`;
    for (const date of missedDueDates(due, today).filter((d) => d >= from)) {
      sent += await notify(db(), recipients, {
        regionId: event.plan.regionId,
        title: "Мероприятие просрочено",
        body: `«${event.title}» (${event.plan.title}): срок ${formatDate(date)} прошёл, мероприятие не отмечено проведённым.`,
        link,
        dedupeKey: `plan-event:overdue:${event.id}:${date}`,
      });
    }
    for (const date of openDueDates(due).filter((d) => d >= today && d <= to)) {
      sent += await notify(db(), recipients, {
        regionId: event.plan.regionId,
        title: "Через неделю срок мероприятия",
        body: `«${event.title}» (${event.plan.title}). Срок: ${formatDate(date)}.`,
        link,
        dedupeKey: `plan-event:week:${event.id}:${date}`,
      });
    }
  }
  return { sent };
}

async function ownerCoordinators(plan: {
  regionId: string;
  municipalityId: string | null;
  organizationId: string | null;
}): Promise<string[]> {
  const memberships = await db().membership.findMany({
    where: plan.organizationId
      ? { role: "SCHOOL_COORDINATOR", organizationId: plan.organizationId }
      : plan.municipalityId
        ? { role: "MUNICIPAL_COORDINATOR", municipalityId: plan.municipalityId }
        : { role: "REGION_ADMIN", regionId: plan.regionId },
    select: { userId: true },
  });
  return memberships.map((m) => m.userId);
}
