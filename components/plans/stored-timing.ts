import { readEventTiming, type PlanRange } from "@/lib/domain/plans/event-timing";
import { describeTiming, type TimingKind } from "@/lib/domain/plans/parse-timing";
import type { PlanEventView } from "@/lib/server/plans/get-plan";

/**
 * An event's timing as it was read and stored, in words («до 02.11.2020»,
 * «ежегодно: август (1 срок)»). The dates are the stored ones; only a recurring
 * event's wording (how often) is read again from its text. Pure.
 */
export function describeStoredTiming(
  event: Pick<PlanEventView, "timingText" | "timingKind" | "startsOn" | "endsOn" | "dueDates">,
  range: PlanRange,
): string {
  const kind = event.timingKind.toLowerCase() as TimingKind;
  const recurrence = kind === "recurring" ? readEventTiming(event.timingText, range).parsed.recurrence : undefined;
  return describeTiming({ kind, start: event.startsOn, end: event.endsOn, text: event.timingText, dueDates: event.dueDates, recurrence });
}
