import { currentSchoolYear } from "@/lib/domain/records/current-school-year";

/** The school years a filter offers: next, current and four before, newest first, plus the chosen one. */
export function schoolYearChoices(chosen?: string): string[] {
  const start = Number(currentSchoolYear().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => `${start + 1 - i}/${start + 2 - i}`);
  return chosen && !years.includes(chosen) ? [chosen, ...years] : years;
}
