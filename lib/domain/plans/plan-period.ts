import { formatDate } from "@/lib/dates";

/** «2020/2021 учебный год» for a school-year plan, else «01.09.2013 – 31.08.2015». Pure. */
export function formatPlanPeriod(plan: { schoolYear: string | null; startsOn: string; endsOn: string }): string {
  return plan.schoolYear ? `${plan.schoolYear} учебный год` : `${formatDate(plan.startsOn)} – ${formatDate(plan.endsOn)}`;
}
