/**
 * The table of a municipality's schools, as seed 001 prints it: «№»,
 * «Наименование общеобразовательной организации», «Юридический адрес»,
 * «ФИО руководителя», «Контактный телефон». Pure: how its header is recognised,
 * how an address cell splits into buildings and is written back, and how each
 * row is validated. Files (XLSX, CSV) are read into rows by school-file.ts.
 */

import { tableBody } from "@/lib/domain/files/table-edges";
import type { SourceRow } from "@/lib/domain/files/table-file";
import type { TImportNotice, TImportProblem } from "@/lib/schemas/import";

export const SCHOOL_COLUMNS = [
  { id: "number", header: "№", width: 6 },
  { id: "name", header: "Наименование общеобразовательной организации", width: 50 },
  { id: "address", header: "Юридический адрес", width: 70 },
  { id: "headName", header: "ФИО руководителя", width: 34 },
  { id: "phone", header: "Контактный телефон", width: 22 },
] as const;

export type SchoolColumnId = (typeof SCHOOL_COLUMNS)[number]["id"];

export const SCHOOL_HEADER: Record<SchoolColumnId, string> = Object.fromEntries(
  SCHOOL_COLUMNS.map((column) => [column.id, column.header]),
) as Record<SchoolColumnId, string>;

/** «№» is a running number: a file may leave it out, and its content is not read. */
const REQUIRED_COLUMNS: readonly SchoolColumnId[] = ["name", "address", "headName", "phone"];

export const MAX_NAME_LENGTH = 300;
export const MAX_HEAD_NAME_LENGTH = 200;
export const MAX_PHONE_LENGTH = 100;
export const MAX_ADDRESS_LENGTH = 1000;
export const MAX_SCHOOL_ROWS = 5000;
/** The header may follow a title ("Перечень общеобразовательных организаций…"), within these rows. */
const HEADER_SEARCH_ROWS = 30;

/** One building of a school: its label as written ("старший корпус", "корпус № 1"), if any, and its address. */
export interface Building {
  label: string | null;
  address: string;
}

/** What the table says about one school. */
export interface SchoolRecord {
  name: string;
  headName: string | null;
  phone: string | null;
  addresses: Building[];
}

/** A row of a file, numbered as the file numbers it (Excel's row, the CSV record), its cells as text. */
export type TableRow = SourceRow;

export interface SchoolRow extends SchoolRecord {
  row: number;
}

/** One problem of a file: its row and column (by the column's name) when it has them. */
export type TableProblem = TImportProblem;

/** Runs of any whitespace (incl. no-break spaces and line breaks) become one space; the ends are trimmed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

const headerKey = (text: string) => squeeze(text).toLowerCase().replaceAll("ё", "е");

/**
 * The column a header cell names: its text in any case and spacing, also with words
 * after it, as seed 001's «Контактный телефон Код 8 (384-72)».
 */
export function columnOfHeader(text: string): SchoolColumnId | null {
  const key = headerKey(text);
  if (!key) return null;
  const column = SCHOOL_COLUMNS.find((c) => {
    const header = headerKey(c.header);
    return key === header || key.startsWith(`${header} `);
  });
  return column?.id ?? null;
}

/** True for a line or row that holds the name column's header: where the table starts. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => columnOfHeader(cell) === "name");
}

/** True for a header row that names every column the import needs. */
export function isSchoolHeader(cells: readonly string[]): boolean {
  const named = new Set(cells.map(columnOfHeader));
  return REQUIRED_COLUMNS.every((id) => named.has(id));
}

/**
 * The key two names of one school share: case, «ё»/«е», spaces and quotes
 * ("…", «…», „…“, '…') do not matter.
 */
export function schoolNameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/["'`«»„“”‟‹›]/gu, "")
    .replace(/\s+/gu, "");
}

/*
 * Addresses. A cell holds one address, or several buildings each after its label
 * and a colon: "старший корпус: …", "корпус № 2: …", "здание 3: …". Seed 001
 * writes the common beginning once, before the first label:
 *   "652740, …, г. Калтан старший корпус: ул. Калинина, 38 младший корпус: ул. Калинина, 40"
 * is two buildings, "652740, …, г. Калтан, ул. Калинина, 38" and "…, 40". Text before
 * the first label that ends with ";" is a building of its own, without a label.
 */
const ADJECTIVE = "[а-яё]+(?:ий|ый|ой|ая|ое|ее|ие|ые)";
const BUILDING = "(?:корпус|здание|строение|филиал|отделение|подразделение|площадка|блок)";
const NUMBER = "(?:\\s*№\\s*\\d+[а-яё]?|\\s+\\d+[а-яё]?)";
const LABEL = new RegExp(`(?<=^|[\\s,;])((?:${ADJECTIVE}\\s+)?${BUILDING}${NUMBER}?)\\s*:`, "giu");

/** Spaces, commas and semicolons around a part of an address are separators, not the address. */
const trimSeparators = (text: string) => text.replace(/^[\s,;]+|[\s,;]+$/gu, "");

export function splitAddress(cell: string): { buildings: Building[]; problems: string[] } {
  const text = squeeze(cell);
  if (!text) return { buildings: [], problems: [] };
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return { buildings: [{ label: null, address: trimSeparators(text) }], problems: [] };

  const problems: string[] = [];
  const buildings: Building[] = [];
  const before = text.slice(0, labels[0]!.index).trim();
  let prefix = trimSeparators(before);
  if (before.endsWith(";")) {
    buildings.push({ label: null, address: prefix });
    prefix = "";
  }
  labels.forEach((match, i) => {
    const label = squeeze(match[1]!);
    const end = labels[i + 1]?.index ?? text.length;
    const body = trimSeparators(text.slice(match.index + match[0].length, end));
    if (!body) problems.push(`после «${label}:» нет адреса`);
    else buildings.push({ label, address: prefix ? `${prefix}, ${body}` : body });
  });
  return { buildings, problems };
}

/**
 * The buildings as one cell that splitAddress reads back into the same list:
 * "label: address" joined by "; ". A building without a label is written bare
 * when it comes first; after the first it is given the label «корпус № N».
 */
export function joinAddress(buildings: readonly Building[]): string {
  if (buildings.length === 1 && buildings[0]!.label === null) return buildings[0]!.address;
  return buildings
    .map((b, i) => {
      if (b.label !== null) return `${b.label}: ${b.address}`;
      return i === 0 ? b.address : `корпус № ${i + 1}: ${b.address}`;
    })
    .join("; ");
}

/** Digits, spaces, «+» first, hyphens or dashes and parentheses; several numbers separated by «,» or «;». */
const PHONE = /^\+?[\d\s()\-‐‑–—]+$/u;

export function phoneProblem(phone: string): string | null {
  if (phone.length > MAX_PHONE_LENGTH) return `длиннее ${MAX_PHONE_LENGTH} знаков`;
  const numbers = phone.split(/[,;]/u).map((part) => part.trim());
  const bad = numbers.find((number) => {
    const digits = number.replace(/\D/gu, "").length;
    return !PHONE.test(number) || digits < 5 || digits > 15;
  });
  if (bad === undefined) return null;
  return `«${phone}» не похоже на номер телефона: допустимы цифры, пробелы, «+», «-» и скобки (например, 8 (384-72) 3-18-39)`;
}

/** The table's columns in the file: index of each, from its header row. */
type ColumnIndex = Partial<Record<SchoolColumnId, number>>;

/**
 * Reads the table: finds the header row, leaves out what sits around the table (an
 * explanation under the header, signatures and notes under it: lib/domain/files/table-edges.ts),
 * then validates the rows one by one. Rows without a name, address, head or phone
 * are skipped. Every problem names its row and column; with any, the caller
 * imports nothing. The notices list the rows left out.
 */
export function parseSchoolTable(rows: readonly TableRow[]): { schools: SchoolRow[]; problems: TableProblem[]; notices: TImportNotice[] } {
  const problems: TableProblem[] = [];
  const notices: TImportNotice[] = [];
  const headerAt = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => looksLikeHeader(r.cells));
  if (headerAt < 0) {
    const names = SCHOOL_COLUMNS.map((c) => `«${c.header}»`).join(", ");
    problems.push({ row: null, column: null, message: `Не найдена строка заголовков таблицы: нужны столбцы ${names}.` });
    return { schools: [], problems, notices };
  }
  const header = rows[headerAt]!;
  const columns = readHeader(header, problems);
  if (problems.length) return { schools: [], problems, notices };

  const body = tableBody(rows.slice(headerAt + 1), {
    hasKeyData: (r) => REQUIRED_COLUMNS.some((id) => columns[id] !== undefined && squeeze(r.cells[columns[id]!] ?? "") !== ""),
    headerItalic: header.italic,
    quote: true,
  });
  notices.push(...body.notices);
  const dataRows = body.rows;
  if (dataRows.length > MAX_SCHOOL_ROWS) {
    problems.push({ row: null, column: null, message: `В файле больше ${MAX_SCHOOL_ROWS} строк: разделите его на части.` });
    return { schools: [], problems, notices };
  }
  const schools: SchoolRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const cell = (id: SchoolColumnId) => {
      const index = columns[id];
      return index === undefined ? "" : (cells[index] ?? "");
    };
    if (REQUIRED_COLUMNS.every((id) => squeeze(cell(id)) === "")) continue;
    const say = (id: SchoolColumnId, message: string) => problems.push({ row, column: SCHOOL_HEADER[id], message });

    const name = squeeze(cell("name"));
    if (!name) say("name", "Укажите наименование организации.");
    else if (name.length > MAX_NAME_LENGTH) say("name", `Наименование длиннее ${MAX_NAME_LENGTH} знаков (${name.length}).`);
    else {
      const key = schoolNameKey(name);
      const first = firstRowOf.get(key);
      if (first !== undefined) say("name", `Организация «${name}» уже есть в строке ${first}: одна организация — одна строка.`);
      else firstRowOf.set(key, row);
    }

    const address = splitAddress(cell("address"));
    for (const problem of address.problems) say("address", capitalise(`${problem}.`));
    const long = address.buildings.find((b) => b.address.length > MAX_ADDRESS_LENGTH);
    if (long) say("address", `Адрес длиннее ${MAX_ADDRESS_LENGTH} знаков.`);

    const headName = squeeze(cell("headName"));
    if (headName.length > MAX_HEAD_NAME_LENGTH) say("headName", `ФИО длиннее ${MAX_HEAD_NAME_LENGTH} знаков.`);

    const phone = squeeze(cell("phone"));
    const phoneError = phone ? phoneProblem(phone) : null;
    if (phoneError) say("phone", capitalise(`${phoneError}.`));

    schools.push({ row, name, headName: headName || null, phone: phone || null, addresses: address.buildings });
  }
  if (schools.length === 0 && problems.length === 0) {
    problems.push({ row: header.row, column: null, message: "Под строкой заголовков нет ни одной организации." });
  }
  return { schools: problems.length ? [] : schools, problems, notices };
}

function readHeader(header: TableRow, problems: TableProblem[]): ColumnIndex {
  const columns: ColumnIndex = {};
  header.cells.forEach((text, index) => {
    const id = columnOfHeader(text);
    if (id === null) return;
    if (columns[id] !== undefined) {
      problems.push({ row: header.row, column: SCHOOL_HEADER[id], message: "Столбец встречается в заголовке дважды." });
    } else columns[id] = index;
  });
  for (const id of REQUIRED_COLUMNS) {
    if (columns[id] === undefined) {
      problems.push({ row: header.row, column: SCHOOL_HEADER[id], message: `В строке заголовков нет столбца «${SCHOOL_HEADER[id]}».` });
    }
  }
  return columns;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rows of the table for a file, header first, in the columns of seed 001. */
export function schoolTableRows(schools: readonly SchoolRecord[]): (string | number)[][] {
  return [
    SCHOOL_COLUMNS.map((c) => c.header),
    ...schools.map((s, i) => [i + 1, s.name, joinAddress(s.addresses), s.headName ?? "", s.phone ?? ""]),
  ];
}
