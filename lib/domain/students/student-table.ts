/**
 * The tables of a school's ДОТ records: its students and its teachers. Pure: the
 * columns, how a header is recognised, how each row is read into the fields of
 * lib/schemas/student.ts (ZStudentFields, ZTeacherFields) and how records are
 * written back as rows. Files (XLSX, CSV) are read into rows by record-file.ts
 * and written by the directory's helpers (lib/domain/directory/school-file.ts, csv.ts).
 *
 * The records are personal data: no message here ever quotes a cell. A problem
 * names its row and column and says what is expected.
 */

import { squeeze, type TableProblem, type TableRow } from "@/lib/domain/directory/school-table";
import { type DateSystem, readCellDay } from "@/lib/domain/files/cell-dates";
import { tableBody } from "@/lib/domain/files/table-edges";
import type { TImportNotice } from "@/lib/schemas/import";
import {
  FURTHER_EDUCATION_LABELS,
  STUDENT_STATUS_LABELS,
  STUDENT_STATUSES,
  ZStudentFields,
  ZTeacherCourse,
  ZTeacherFields,
  type TStudentFields,
  type TTeacherFields,
} from "@/lib/schemas/student";
import { parseYesNo, russianDate, yesNo } from "@/lib/domain/templates/xlsx-cells";

export type { TableProblem, TableRow };

export const RECORD_KINDS = ["students", "teachers"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { students: "Обучающиеся", teachers: "Педагоги" };

export const STUDENT_COLUMNS = [
  { id: "fullName", header: "ФИО (или инициалы)", aliases: ["ФИО"], width: 34 },
  { id: "birthDate", header: "Дата рождения", aliases: [], width: 14 },
  { id: "grade", header: "Класс", aliases: [], width: 8 },
  { id: "disabilityConfirmedUntil", header: "Инвалидность подтверждена до", aliases: [], width: 16 },
  { id: "iupPresent", header: "ИУП есть", aliases: ["ИУП"], width: 10 },
  { id: "timetable", header: "Расписание", aliases: [], width: 40 },
  { id: "status", header: "Статус", aliases: [], width: 14 },
  { id: "furtherEducation", header: "Продолжает обучение", aliases: [], width: 14 },
] as const;

export const TEACHER_COLUMNS = [
  { id: "fullName", header: "ФИО", aliases: ["ФИО педагога"], width: 34 },
  { id: "subject", header: "Предмет", aliases: [], width: 24 },
  { id: "needsCourse", header: "Нужны курсы ПК", aliases: [], width: 12 },
  { id: "courses", header: "Курсы ПК", aliases: [], width: 70 },
] as const;

export type StudentColumnId = (typeof STUDENT_COLUMNS)[number]["id"];
export type TeacherColumnId = (typeof TEACHER_COLUMNS)[number]["id"];

interface ColumnSpec {
  id: string;
  header: string;
  aliases: readonly string[];
  width: number;
}

export const RECORD_COLUMNS: Record<RecordKind, readonly ColumnSpec[]> = { students: STUDENT_COLUMNS, teachers: TEACHER_COLUMNS };

const REQUIRED: Record<RecordKind, readonly string[]> = {
  students: ["fullName", "birthDate", "grade"],
  teachers: ["fullName", "subject"],
};

export const MAX_RECORD_ROWS = 5000;
const HEADER_SEARCH_ROWS = 30;

const headerKey = (text: string) => squeeze(text).toLowerCase().replaceAll("ё", "е");

/** The column a header cell names (its text in any case and spacing, or with words after it). */
export function columnOfRecordHeader(kind: RecordKind, text: string): string | null {
  const key = headerKey(text);
  if (!key) return null;
  const columns = RECORD_COLUMNS[kind];
  const matches = (header: string) => key === headerKey(header);
  // Exact names first, so «ФИО» never shadows «ФИО (или инициалы)».
  const exact = columns.find((c) => matches(c.header) || c.aliases.some(matches));
  if (exact) return exact.id;
  const prefixed = columns.find((c) => [c.header, ...c.aliases].some((h) => key.startsWith(`${headerKey(h)} `)));
  return prefixed?.id ?? null;
}

/** True for a header row that names every column the kind of table needs. */
export function isRecordHeader(kind: RecordKind, cells: readonly string[]): boolean {
  const named = new Set(cells.map((cell) => columnOfRecordHeader(kind, cell)));
  return REQUIRED[kind].every((id) => named.has(id));
}

/** True for a row that holds the name column's header: where the table starts. */
export function looksLikeRecordHeader(kind: RecordKind, cells: readonly string[]): boolean {
  return cells.some((cell) => columnOfRecordHeader(kind, cell) === "fullName");
}

/** The key two spellings of one person's name share: case, «ё»/«е» and spaces do not matter. */
export function personKey(name: string): string {
  return name.toLowerCase().replaceAll("ё", "е").replace(/\s+/gu, "");
}

export function studentKey(s: { fullName: string; birthDate: string | null }): string {
  return `${personKey(s.fullName)}|${s.birthDate ?? ""}`;
}

export function teacherKey(t: { fullName: string; subject: string }): string {
  return `${personKey(t.fullName)}|${personKey(t.subject)}`;
}

/*
 * Dates: ДД.ММ.ГГГГ (also Д.М.ГГГГ and ДД.ММ.ГГ), ГГГГ-ММ-ДД, or an Excel date — a
 * date cell (read as ДД.ММ.ГГГГ) or its serial number in a number cell or in text
 * when the cell lost its format (lib/domain/files/cell-dates.ts).
 */
export type DateReading = { ok: true; date: string | null } | { ok: false; message: string };

export function readDate(text: string, system: DateSystem = {}): DateReading {
  if (!squeeze(text)) return { ok: true, date: null };
  const day = readCellDay(squeeze(text), system);
  if (day.kind === "day") return { ok: true, date: day.date };
  if (day.kind === "impossible") return { ok: false, message: "Такой даты не бывает: укажите дату в виде ДД.ММ.ГГГГ." };
  return { ok: false, message: "Укажите дату в виде ДД.ММ.ГГГГ." };
}

const labelKey = (text: string) => squeeze(text).toLowerCase().replaceAll("ё", "е");

function readStatus(text: string): TStudentFields["status"] | null | undefined {
  if (!squeeze(text)) return undefined;
  return STUDENT_STATUSES.find((s) => labelKey(STUDENT_STATUS_LABELS[s]) === labelKey(text)) ?? null;
}

function readFurtherEducation(text: string): TStudentFields["furtherEducation"] | undefined {
  const key = labelKey(text);
  if (!key) return null;
  if (key === "нет" || key === labelKey(FURTHER_EDUCATION_LABELS.NONE)) return "NONE";
  if (key === "спо") return "SPO";
  if (key === "вуз") return "VUZ";
  return undefined;
}

/** «название; ДД.ММ.ГГГГ–ДД.ММ.ГГГГ; N ч.» */
export function formatCourse(c: TTeacherFields["courses"][number]): string {
  const dates = c.dateTo ? `${russianDate(c.dateFrom)}–${russianDate(c.dateTo)}` : russianDate(c.dateFrom);
  return `${c.title}; ${dates}; ${c.hours} ч.`;
}

/** One course of the cell, or what is wrong with it (never quoting it). */
export function readCourse(
  line: string,
  system: DateSystem = {},
): { ok: true; course: TTeacherFields["courses"][number] } | { ok: false; message: string } {
  const parts = line.split(";").map((p) => p.trim());
  const format = "курс записывается как «название; ДД.ММ.ГГГГ–ДД.ММ.ГГГГ; N ч.»";
  if (parts.length < 3) return { ok: false, message: format };
  const hoursText = parts.pop()!;
  const datesText = parts.pop()!;
  const title = parts.join("; ").trim();
  const hours = /^(\d+)\s*(?:ч\.?|час(?:ов|а)?\.?)?$/iu.exec(hoursText);
  if (!hours) return { ok: false, message: "укажите число часов, например «72 ч.»" };
  const [fromText, toText, ...rest] = datesText.split(/\s*[–—‐‑-]\s*/u);
  if (rest.length || !fromText) return { ok: false, message: format };
  const from = readDate(fromText, system);
  if (!from.ok || from.date === null) return { ok: false, message: `дата начала: ${from.ok ? "укажите её" : lower(from.message)}` };
  const to = readDate(toText ?? "", system);
  if (!to.ok) return { ok: false, message: `дата окончания: ${lower(to.message)}` };
  const parsed = ZTeacherCourse.safeParse({ title, dateFrom: from.date, dateTo: to.date, hours: Number(hours[1]) });
  if (!parsed.success) return { ok: false, message: lower(parsed.error.issues[0]!.message) };
  return { ok: true, course: parsed.data };
}

export interface StudentTableRow {
  row: number;
  fields: TStudentFields;
}

export interface TeacherTableRow {
  row: number;
  fields: TTeacherFields;
}

type Columns = Partial<Record<string, number>>;

/** Finds the header, checks its columns, leaves out what sits around the table: the index of each column, or the problems. */
function findTable(kind: RecordKind, rows: readonly TableRow[], problems: TableProblem[], notices: TImportNotice[]) {
  const columnsSpec = RECORD_COLUMNS[kind];
  const headerOf = (id: string) => columnsSpec.find((c) => c.id === id)!.header;
  const headerAt = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => looksLikeRecordHeader(kind, r.cells));
  if (headerAt < 0) {
    const names = columnsSpec.map((c) => `«${c.header}»`).join(", ");
    problems.push({ row: null, column: null, message: `Не найдена строка заголовков таблицы: нужны столбцы ${names}.` });
    return null;
  }
  const header = rows[headerAt]!;
  const columns: Columns = {};
  header.cells.forEach((text, index) => {
    const id = columnOfRecordHeader(kind, text);
    if (id === null) return;
    if (columns[id] !== undefined)
      problems.push({ row: header.row, column: headerOf(id), message: "Столбец встречается в заголовке дважды." });
    else columns[id] = index;
  });
  for (const id of REQUIRED[kind]) {
    if (columns[id] === undefined) {
      problems.push({ row: header.row, column: headerOf(id), message: `В строке заголовков нет столбца «${headerOf(id)}».` });
    }
  }
  if (problems.length) return null;
  const body = tableBody(rows.slice(headerAt + 1), {
    hasKeyData: (r) => REQUIRED[kind].some((id) => squeeze(cellOf(columns, r.cells)(id)) !== ""),
    headerItalic: header.italic,
    // The records are personal data: a row left out is named by its number only.
    quote: false,
  });
  notices.push(...body.notices);
  const dataRows = body.rows;
  if (dataRows.length > MAX_RECORD_ROWS) {
    problems.push({ row: null, column: null, message: `В файле больше ${MAX_RECORD_ROWS} строк: разделите его на части.` });
    return null;
  }
  return { header, columns, dataRows, headerOf };
}

const cellOf = (columns: Columns, cells: readonly string[]) => (id: string) => {
  const index = columns[id];
  return index === undefined ? "" : (cells[index] ?? "");
};

/**
 * Reads the students' table for a school year: every row a student, every
 * problem by row and column. Empty rows are skipped; with any problem no row is
 * returned. The notices list the rows left out around the table.
 */
export function parseStudentTable(
  rows: readonly TableRow[],
  schoolYear: string,
  system: DateSystem = {},
): { students: StudentTableRow[]; problems: TableProblem[]; notices: TImportNotice[] } {
  const problems: TableProblem[] = [];
  const notices: TImportNotice[] = [];
  const table = findTable("students", rows, problems, notices);
  if (!table) return { students: [], problems, notices };
  const students: StudentTableRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.dataRows) {
    const cell = cellOf(table.columns, cells);
    if (STUDENT_COLUMNS.every((c) => squeeze(cell(c.id)) === "")) continue;
    const say = (id: StudentColumnId, message: string) => problems.push({ row, column: table.headerOf(id), message });
    const before = problems.length;

    const date = (id: StudentColumnId) => {
      const reading = readDate(cell(id), system);
      if (reading.ok) return reading.date;
      say(id, reading.message);
      return null;
    };
    const birthDate = date("birthDate");
    const disabilityConfirmedUntil = date("disabilityConfirmedUntil");
    const iupPresent = parseYesNo(cell("iupPresent"));
    if (iupPresent === null) say("iupPresent", "Укажите «да» или «нет».");
    const status = readStatus(cell("status"));
    if (status === null) say("status", `Укажите статус: ${STUDENT_STATUSES.map((s) => STUDENT_STATUS_LABELS[s]).join(", ")}.`);
    let furtherEducation = readFurtherEducation(cell("furtherEducation"));
    if (furtherEducation === undefined) say("furtherEducation", "Укажите «нет», «СПО» или «ВУЗ».");
    else if (furtherEducation !== null && (status ?? "STUDYING") !== "GRADUATED") {
      // «нет» in a row of a student still studying says the same as an empty cell.
      if (furtherEducation === "NONE") furtherEducation = null;
      else say("furtherEducation", "Продолжение обучения указывается только для выпускников (статус «выпускник»).");
    }

    const parsed = ZStudentFields.safeParse({
      schoolYear,
      fullName: squeeze(cell("fullName")),
      birthDate,
      grade: squeeze(cell("grade")),
      disabilityConfirmedUntil,
      iupPresent: iupPresent ?? false,
      timetable: cell("timetable").trim() || null,
      status: status ?? "STUDYING",
      furtherEducation: furtherEducation ?? null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const id = STUDENT_COLUMNS.find((c) => c.id === issue.path[0])?.id;
        // A cell already refused above is not refused twice.
        if (id && problems.slice(before).some((p) => p.column === table.headerOf(id))) continue;
        problems.push({ row, column: id ? table.headerOf(id) : null, message: issue.message });
      }
      continue;
    }
    if (problems.length > before) continue;
    const key = studentKey(parsed.data);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      say("fullName", `Обучающийся с теми же ФИО и датой рождения уже есть в строке ${first}: один обучающийся — одна строка.`);
      continue;
    }
    firstRowOf.set(key, row);
    students.push({ row, fields: parsed.data });
  }
  if (students.length === 0 && problems.length === 0) {
    problems.push({ row: table.header.row, column: null, message: "Под строкой заголовков нет ни одной записи." });
  }
  return { students: problems.length ? [] : students, problems, notices };
}

/** Reads the teachers' table for a school year, as parseStudentTable does. */
export function parseTeacherTable(
  rows: readonly TableRow[],
  schoolYear: string,
  system: DateSystem = {},
): { teachers: TeacherTableRow[]; problems: TableProblem[]; notices: TImportNotice[] } {
  const problems: TableProblem[] = [];
  const notices: TImportNotice[] = [];
  const table = findTable("teachers", rows, problems, notices);
  if (!table) return { teachers: [], problems, notices };
  const teachers: TeacherTableRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.dataRows) {
    const cell = cellOf(table.columns, cells);
    if (TEACHER_COLUMNS.every((c) => squeeze(cell(c.id)) === "")) continue;
    const say = (id: TeacherColumnId, message: string) => problems.push({ row, column: table.headerOf(id), message });
    const before = problems.length;

    const needsCourse = parseYesNo(cell("needsCourse"));
    if (needsCourse === null) say("needsCourse", "Укажите «да» или «нет».");
    const courses: TTeacherFields["courses"] = [];
    const lines = cell("courses")
      .split(/\r\n|\n|\r/u)
      .map((l) => l.trim())
      .filter(Boolean);
    lines.forEach((line, i) => {
      const course = readCourse(line, system);
      if (course.ok) courses.push(course.course);
      else say("courses", `Курс ${i + 1}-й по счёту в ячейке: ${course.message}.`);
    });

    const parsed = ZTeacherFields.safeParse({
      schoolYear,
      fullName: squeeze(cell("fullName")),
      subject: squeeze(cell("subject")),
      needsCourse: needsCourse ?? false,
      courses,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const id = TEACHER_COLUMNS.find((c) => c.id === issue.path[0])?.id;
        if (id && problems.slice(before).some((p) => p.column === table.headerOf(id))) continue;
        problems.push({ row, column: id ? table.headerOf(id) : null, message: issue.message });
      }
      continue;
    }
    if (problems.length > before) continue;
    const key = teacherKey(parsed.data);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      say("fullName", `Педагог с теми же ФИО и предметом уже есть в строке ${first}: один педагог — одна строка.`);
      continue;
    }
    firstRowOf.set(key, row);
    teachers.push({ row, fields: parsed.data });
  }
  if (teachers.length === 0 && problems.length === 0) {
    problems.push({ row: table.header.row, column: null, message: "Под строкой заголовков нет ни одной записи." });
  }
  return { teachers: problems.length ? [] : teachers, problems, notices };
}

/** What the students' table shows of a stored student. */
export type StudentRecordFields = Pick<
  TStudentFields,
  "fullName" | "birthDate" | "grade" | "disabilityConfirmedUntil" | "iupPresent" | "timetable" | "status" | "furtherEducation"
>;
export type TeacherRecordFields = Pick<TTeacherFields, "fullName" | "subject" | "needsCourse" | "courses">;

const dateCell = (iso: string | null) => (iso ? russianDate(iso) : "");

/** The students' table, header first, in the columns parseStudentTable reads back. */
export function studentTableRows(students: readonly StudentRecordFields[]): string[][] {
  return [
    STUDENT_COLUMNS.map((c) => c.header),
    ...students.map((s) => [
      s.fullName,
      dateCell(s.birthDate),
      s.grade,
      dateCell(s.disabilityConfirmedUntil),
      yesNo(s.iupPresent),
      s.timetable ?? "",
      STUDENT_STATUS_LABELS[s.status],
      s.status === "GRADUATED" && s.furtherEducation
        ? s.furtherEducation === "NONE"
          ? "нет"
          : FURTHER_EDUCATION_LABELS[s.furtherEducation]
        : "",
    ]),
  ];
}

/** The teachers' table, header first; courses one per line. */
export function teacherTableRows(teachers: readonly TeacherRecordFields[]): string[][] {
  return [
    TEACHER_COLUMNS.map((c) => c.header),
    ...teachers.map((t) => [t.fullName, t.subject, yesNo(t.needsCourse), t.courses.map(formatCourse).join("\n")]),
  ];
}

/** The fields of two students that differ (by the table's columns). */
export function changedStudentFields(stored: StudentRecordFields, incoming: StudentRecordFields): StudentColumnId[] {
  const further = (s: StudentRecordFields) => (s.status === "GRADUATED" ? s.furtherEducation : null);
  return STUDENT_COLUMNS.map((c) => c.id).filter((id) =>
    id === "furtherEducation" ? further(stored) !== further(incoming) : (stored[id] ?? null) !== (incoming[id] ?? null),
  );
}

export function changedTeacherFields(stored: TeacherRecordFields, incoming: TeacherRecordFields): TeacherColumnId[] {
  const courses = (t: TeacherRecordFields) => t.courses.map(formatCourse).sort().join("\n");
  const changes: TeacherColumnId[] = [];
  if (stored.fullName !== incoming.fullName) changes.push("fullName");
  if (stored.subject !== incoming.subject) changes.push("subject");
  if (stored.needsCourse !== incoming.needsCourse) changes.push("needsCourse");
  if (courses(stored) !== courses(incoming)) changes.push("courses");
  return changes;
}

/** «Обучающиеся с ДОТ — 2025-2026.xlsx» */
export function recordFileName(kind: RecordKind, schoolYear: string, format: "xlsx" | "csv"): string {
  const what = kind === "students" ? "Обучающиеся с ДОТ" : "Педагоги ДОТ";
  return `${what} — ${schoolYear.replace("/", "-")}.${format}`;
}

function lower(text: string): string {
  const t = text.replace(/\.$/u, "");
  return t.charAt(0).toLowerCase() + t.slice(1);
}
