/** An event's timing read in its plan's context, in the shape it is stored. Pure. */
import { toDbTimingKind } from "./plan-labels";
import { parseTiming } from "./parse-timing";
import { parseSchoolYear } from "./school-year";

export interface PlanRange {
  schoolYear: string | null;
  /** ISO dates. */
  startsOn: string;
  endsOn: string;
}

export function readEventTiming(timingText: string, plan: PlanRange) {
  const parsed = parseTiming(timingText, {
    schoolYear: plan.schoolYear ? parseSchoolYear(plan.schoolYear) : null,
    planStart: plan.startsOn,
    planEnd: plan.endsOn,
  });
  return {
    timingText: parsed.text,
    timingKind: toDbTimingKind(parsed.kind),
    startsOn: parsed.start,
    endsOn: parsed.end,
    dueDates: parsed.kind === "recurring" ? (parsed.dueDates ?? []) : [],
    parsed,
  };
}
