import { latestLocalToday } from "@/lib/dates";
import { schoolYearOf } from "./official-measures";

/** The current school year (1 September to 31 August). */
export function currentSchoolYear(): string {
  return schoolYearOf(latestLocalToday());
}

/**
 * A ДОТ list's query with its school year: the one chosen, else the current one.
 * The pages and their exports both read the query through this.
 */
export function withCurrentSchoolYear<Q extends { schoolYear?: string | undefined }>(query: Q): Q & { schoolYear: string } {
  return { ...query, schoolYear: query.schoolYear ?? currentSchoolYear() };
}
