/**
 * When an event is due and whether it is overdue. Overdue is derived, never
 * stored: a planned event whose last day has passed, or a recurring one with a
 * due date passed and not marked held. The SQL twin is in
 * lib/server/plans/overdue-sql.ts; both must agree.
 */
import type { PlanEventStatus, TimingKind } from "@/lib/generated/prisma/enums";

export interface EventDueFields {
  status: PlanEventStatus;
  timingKind: TimingKind;
  /** ISO dates. */
  endsOn: string | null;
  dueDates: readonly string[];
  heldDates: readonly string[];
}

/** Due dates not yet held, ascending. A one-off event has one: its last day. */
export function openDueDates(event: EventDueFields): string[] {
  if (event.status !== "PLANNED") return [];
  if (event.timingKind === "RECURRING") return event.dueDates.filter((d) => !event.heldDates.includes(d)).toSorted();
  return event.endsOn ? [event.endsOn] : [];
}

export function missedDueDates(event: EventDueFields, today: string): string[] {
  return openDueDates(event).filter((d) => d < today);
}

export function isOverdue(event: EventDueFields, today: string): boolean {
  return missedDueDates(event, today).length > 0;
}

/** The next due date from today on, for reminders and the «ближайший срок» column. */
export function nextDueDate(event: EventDueFields, today: string): string | null {
  return openDueDates(event).find((d) => d >= today) ?? null;
}

/** ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
