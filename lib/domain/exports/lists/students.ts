import { FURTHER_EDUCATION_LABELS, STUDENT_STATUS_LABELS } from "@/lib/schemas/student";
import type { StudentRow } from "@/lib/server/students/list-students";
import { columnsFor } from "../columns";

const c = columnsFor<StudentRow>();

export const STUDENTS_CAPTION = "Обучающиеся с применением ДОТ";

/** The columns of the school's list and of the auditor's: the school is not among them. */
export const STUDENT_COLUMNS = {
  fullName: c.text("ФИО", (s) => s.fullName),
  grade: c.text("Класс", (s) => s.grade),
  birthDate: c.date("Дата рождения", (s) => s.birthDate),
  status: c.text(
    "Статус",
    (s) => `${STUDENT_STATUS_LABELS[s.status]}${s.furtherEducation ? ` · ${FURTHER_EDUCATION_LABELS[s.furtherEducation]}` : ""}`,
  ),
  iupPresent: c.text("ИУП", (s) => (s.iupPresent ? "есть" : "нет")),
};
