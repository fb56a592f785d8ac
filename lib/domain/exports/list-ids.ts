/**
 * The lists that can be downloaded, by the id in /api/exports/<id>. Two pages show
 * ДОТ students to different roles, so each has its own id and its own roles. Pure.
 */
export const LIST_EXPORT_IDS = [
  "assignments",
  "audit",
  "blanks",
  "campaigns",
  "documents",
  "events",
  "findings",
  "municipalities",
  "plans",
  "region-students",
  "school-students",
  "student-counts",
  "teachers",
  "users",
] as const;
export type ListExportId = (typeof LIST_EXPORT_IDS)[number];

export function isListExportId(value: string): value is ListExportId {
  return (LIST_EXPORT_IDS as readonly string[]).includes(value);
}
