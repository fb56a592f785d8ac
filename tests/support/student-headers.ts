/** The header rows of the ДОТ records' tables, as a school types them (lib/domain/students/student-table.ts reads them). */
export const STUDENT_HEADER = [
  "ФИО (или инициалы)",
  "Дата рождения",
  "Класс",
  "Инвалидность подтверждена до",
  "ИУП есть",
  "Расписание",
  "Статус",
  "Продолжает обучение",
];
export const TEACHER_HEADER = ["ФИО", "Предмет", "Нужны курсы ПК", "Курсы ПК"];
