import { readEventTiming, type PlanRange } from "@/lib/domain/plans/event-timing";
import { describeTiming, type TimingKind } from "@/lib/domain/plans/parse-timing";
import type { PlanEventView } from "@/lib/server/plans/get-plan";

/**
 * An event's timing as it was read and stored, in words («до 02.11.2020»,
 * «ежегодно: август (1 срок)», «II квартал 2022 года: 01.04.2022 – 30.06.2022»). The dates
 * are the stored ones; only a recurring event's wording (how often) and the part of a year a
 * period names are read again from its text, the part only while it still reads as the stored dates. Pure.
 */
export function describeStoredTiming(
  event: Pick<PlanEventView, "timingText" | "timingKind" | "startsOn" | "endsOn" | "dueDates">,
  range: PlanRange,
): string {
  const kind = event.timingKind.toLowerCase() as TimingKind;
  const reread = kind === "recurring" || kind === "period" ? readEventTiming(event.timingText, range).parsed : undefined;
  const recurrence = kind === "recurring" ? reread?.recurrence : undefined;
  const part = reread?.part && reread.start === event.startsOn && reread.end === event.endsOn ? reread.part : undefined;
  return describeTiming({
    kind,
    start: event.startsOn,
    end: event.endsOn,
    text: event.timingText,
    dueDates: event.dueDates,
    recurrence,
    ...(part ? { part } : {}),
  });
}
