import { FURTHER_EDUCATION_LABELS, STUDENT_STATUS_LABELS } from "@/lib/schemas/student";
import type { StudentRow } from "@/lib/server/students/list-students";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<StudentRow>();

export const STUDENTS_CAPTION = "Обучающиеся с применением ДОТ";

/** The columns of the school's list and of the auditor's: the school is not among them. */
export const STUDENT_COLUMNS = {
  fullName: c.text(F.DotStudent.fullName, (s) => s.fullName),
  grade: c.text(F.DotStudent.grade, (s) => s.grade),
  birthDate: c.date(F.DotStudent.birthDate, (s) => s.birthDate),
  status: c.text(
    "Статус",
    (s) => `${STUDENT_STATUS_LABELS[s.status]}${s.furtherEducation ? ` · ${FURTHER_EDUCATION_LABELS[s.furtherEducation]}` : ""}`,
  ),
  iupPresent: c.text(F.DotStudent.iupPresent, (s) => (s.iupPresent ? "есть" : "нет")),
};
