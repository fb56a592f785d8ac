import { formatDate } from "@/lib/dates";
import type { TeacherRow } from "@/lib/server/students/list-teachers";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<TeacherRow>();

export const TEACHERS_CAPTION = "Педагоги, работающие с применением ДОТ";

/** «Курс, 01.09.2025–30.09.2025, 72 ч»: one course as the list shows it. */
export function courseLine(course: TeacherRow["courses"][number]): string {
  return `${course.title}, ${formatDate(course.dateFrom)}${course.dateTo ? `–${formatDate(course.dateTo)}` : ""}, ${course.hours} ч`;
}

export const TEACHER_COLUMNS = {
  fullName: c.text(F.DotTeacher.fullName, (t) => t.fullName),
  subject: c.text(F.DotTeacher.subject, (t) => t.subject),
  courses: c.text("Курсы", (t) => (t.courses.length ? t.courses.map(courseLine).join("\n") : null)),
  needsCourse: c.text(F.DotTeacher.needsCourse, (t) => (t.needsCourse ? "да" : "нет")),
};
