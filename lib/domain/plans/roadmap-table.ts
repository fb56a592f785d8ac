/**
 * The report on a municipal roadmap, as seed 002 prints it: a title line
 * («Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021
 * учебный год …»), then a table of eight columns whose header is followed by a
 * row of hints in italics, then one event per row. Pure: the columns, how a
 * header is recognised (in any order, with short synonyms), which rows are
 * hints rather than data, how each row is validated into a record, and how
 * records are written back as rows. Files (Markdown, CSV, XLSX, DOCX) are read into
 * rows and written by roadmap-file.ts.
 */

import { squeeze, type TableProblem, type TableRow } from "@/lib/domain/directory/school-table";
import { excelSerialDay } from "@/lib/domain/files/cell-dates";
import { tableBody } from "@/lib/domain/files/table-edges";
import type { SourceRow } from "@/lib/domain/files/table-file";
import { russianDate } from "@/lib/domain/templates/xlsx-cells";
import type { TImportNotice } from "@/lib/schemas/import";

export type { SourceRow, TableProblem, TableRow };

export const ROADMAP_COLUMNS = [
  { id: "regionCode", header: "Код региона" },
  { id: "municipality", header: "Муниципалитет" },
  { id: "title", header: "Все мероприятия, запланированные в муниципальной дорожной карте" },
  { id: "description", header: "Краткое описание мероприятий" },
  { id: "timing", header: "Дата проведения мероприятия" },
  { id: "responsible", header: "Организация, ответственная за проведение мероприятия" },
  { id: "audience", header: "Целевая аудитория мероприятия" },
  { id: "documents", header: "Ссылка на размещение документов, подтверждающих проведение мероприятия" },
] as const;

export type RoadmapColumnId = (typeof ROADMAP_COLUMNS)[number]["id"];

export const ROADMAP_COLUMN_IDS: readonly RoadmapColumnId[] = ROADMAP_COLUMNS.map((c) => c.id);

export const ROADMAP_HEADER: Record<RoadmapColumnId, string> = Object.fromEntries(ROADMAP_COLUMNS.map((c) => [c.id, c.header])) as Record<
  RoadmapColumnId,
  string
>;

/** The row of hints under the header, in italics in seed 002; empty where the seed has none. */
export const ROADMAP_HINTS: Record<RoadmapColumnId, string> = {
  regionCode: "",
  municipality: "",
  title: "перечислить муниципальные мероприятия, проводимые в рамках проекта",
  description: "Обозначить место и формат проведения, цель и задачи проведенного мероприятия",
  timing: "Или плановая дата мероприятия",
  responsible: "",
  audience: "Обозначить на кого направлено данное мероприятие",
  documents: "Приказ о проведении мероприятия, информационная справка, список участников, отчет, сценарий и др.",
};

export const ROADMAP_TITLE_PREFIX = "Отчет о выполнении мероприятий муниципальной дорожной карты";

const TITLE_SUBJECT =
  "по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях";

/**
 * Other names a file may give a column. Compared as header keys (any case,
 * spacing, «ё»/«е», without trailing punctuation); a name also matches with
 * words after it («Дата проведения (план)»).
 */
const SYNONYMS: Record<RoadmapColumnId, readonly string[]> = {
  regionCode: ["Регион", "Код", "Код субъекта", "Код субъекта РФ"],
  municipality: ["Муниципальное образование", "МО", "Муниципальный район", "Городской округ"],
  title: [
    "Мероприятие",
    "Мероприятия",
    "Наименование мероприятия",
    "Название мероприятия",
    "Все мероприятия",
    "Мероприятия дорожной карты",
  ],
  description: ["Описание", "Краткое описание", "Описание мероприятия", "Краткое описание мероприятия"],
  timing: ["Дата", "Дата проведения", "Срок", "Сроки", "Срок проведения", "Сроки проведения", "Дата мероприятия"],
  responsible: ["Ответственный", "Ответственные", "Ответственная организация", "Исполнитель", "Организация, ответственная за проведение"],
  audience: ["Целевая аудитория", "Аудитория", "Участники"],
  documents: ["Документы", "Ссылка", "Ссылка на документы", "Подтверждающие документы", "Подтверждающий документ"],
};

/** Without these a file is not a report: a row, a date, a place. */
export const REQUIRED_ROADMAP_COLUMNS: readonly RoadmapColumnId[] = ["municipality", "title", "timing"];

export const MAX_ROADMAP_ROWS = 2000;
/** The header may follow a title and notes, within these rows. */
const HEADER_SEARCH_ROWS = 30;
/** A row names at least this many columns to be taken for the header. */
const MIN_HEADER_COLUMNS = 4;

export const MAX_TITLE_LENGTH = 4000;
export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_CELL_LENGTH = 2000;

const MAX_LENGTH: Record<RoadmapColumnId, number> = {
  regionCode: MAX_CELL_LENGTH,
  municipality: MAX_CELL_LENGTH,
  title: MAX_TITLE_LENGTH,
  description: MAX_DESCRIPTION_LENGTH,
  timing: MAX_CELL_LENGTH,
  responsible: MAX_CELL_LENGTH,
  audience: MAX_CELL_LENGTH,
  documents: MAX_CELL_LENGTH,
};

export type RoadmapFileFormat = "md" | "csv" | "xlsx" | "docx";

/** A report file read into rows: its title, its data rows, which column each cell index is. */
export interface RoadmapSheet {
  title: string | null;
  format: RoadmapFileFormat;
  /** Data rows only (no title, header, hints, signatures or empty rows), numbered as the file numbers them. */
  rows: TableRow[];
  /** The column of each cell index, from the header row. */
  columns: (RoadmapColumnId | null)[];
  /** What makes the file unreadable as a report: with any, parseRoadmapRows returns no records. */
  problems: TableProblem[];
  /** How the file was read (encoding, sheet) and the rows left out around the table, for the preview. */
  notices: TImportNotice[];
  /** When the workbook holds the report on several sheets and none was chosen: their names. */
  sheets: string[];
  /** Serial dates in a workbook of the 1904 date system (lib/domain/files/cell-dates.ts). */
  date1904: boolean;
}

/** One event of the report. */
export interface RoadmapRecord {
  row: number;
  regionCode: string;
  municipality: string;
  title: string;
  description: string;
  timing: string;
  responsible: string;
  audience: string;
  documents: string;
}

export type RoadmapFields = Omit<RoadmapRecord, "row">;

/** Case, spacing, «ё», quotes and punctuation at the ends do not matter. */
export function headerKey(text: string): string {
  return squeeze(text)
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/^[\s"'«»*_:.,;]+|[\s"'«»*_:.,;!?()\-–—]+$/gu, "")
    .replace(/\s*,\s*/gu, ", ");
}

const NAMES: readonly { id: RoadmapColumnId; key: string }[] = ROADMAP_COLUMNS.flatMap((c) =>
  [c.header, ...SYNONYMS[c.id]].map((name) => ({ id: c.id, key: headerKey(name) })),
);

/** The column a header cell names, or null. An exact name wins; else the longest name the cell starts with. */
export function roadmapColumnOfHeader(text: string): RoadmapColumnId | null {
  const key = headerKey(text);
  if (!key) return null;
  const exact = NAMES.find((n) => n.key === key);
  if (exact) return exact.id;
  let best: { id: RoadmapColumnId; key: string } | null = null;
  for (const name of NAMES) {
    // Two-letter names («МО») only ever match exactly.
    if (name.key.length < 4 || !key.startsWith(name.key)) continue;
    if (!/^[\s,(:;–—-]/u.test(key.slice(name.key.length))) continue;
    if (!best || name.key.length > best.key.length) best = name;
  }
  return best?.id ?? null;
}

export interface RoadmapHeader {
  columns: (RoadmapColumnId | null)[];
  /** Columns named twice: the first cell counts, the others are null in `columns`. */
  repeated: RoadmapColumnId[];
}

export function readRoadmapHeader(cells: readonly string[]): RoadmapHeader {
  const seen = new Set<RoadmapColumnId>();
  const repeated: RoadmapColumnId[] = [];
  const columns = cells.map((cell) => {
    const id = roadmapColumnOfHeader(cell);
    if (id === null) return null;
    if (seen.has(id)) {
      repeated.push(id);
      return null;
    }
    seen.add(id);
    return id;
  });
  return { columns, repeated };
}

function namedColumns(cells: readonly string[]): Set<RoadmapColumnId> {
  return new Set(readRoadmapHeader(cells).columns.filter((id): id is RoadmapColumnId => id !== null));
}

/** A header for sure: the event and its date, and at least four of the eight columns. */
export function isRoadmapHeader(cells: readonly string[]): boolean {
  const named = namedColumns(cells);
  return named.has("title") && named.has("timing") && named.size >= MIN_HEADER_COLUMNS;
}

/** A header with columns missing: four columns named, whichever they are. */
export function looksLikeRoadmapHeader(cells: readonly string[]): boolean {
  return namedColumns(cells).size >= MIN_HEADER_COLUMNS;
}

/** The text of a cell as the hints row is compared: without italics markup, its key. */
const hintKey = (text: string) => headerKey(text.replace(/<\/?[a-z][^>]*>/giu, ""));

/**
 * The hints row: every non-empty cell holds its column's hint (seed 002's
 * italic row, with or without the italics), and at least one is not empty.
 */
export function isHintsRow(cells: readonly string[], columns: readonly (RoadmapColumnId | null)[]): boolean {
  let any = false;
  for (const [index, cell] of cells.entries()) {
    const key = hintKey(cell);
    if (!key) continue;
    const id = columns[index];
    if (!id || !ROADMAP_HINTS[id] || hintKey(ROADMAP_HINTS[id]) !== key) return false;
    any = true;
  }
  return any;
}

const isEmptyRow = (cells: readonly string[]) => cells.every((cell) => squeeze(cell) === "");

/** What a problem names a column by. */
const headerOf = (id: RoadmapColumnId) => ROADMAP_HEADER[id];

/** What a reader knows of the file besides its rows. */
export interface RoadmapSource {
  /** The title, when the reader found it elsewhere (a Markdown heading); else the first text above the header. */
  title?: string | null;
  /** How the file was read, and lines the reader itself left out. */
  notices?: TImportNotice[];
  date1904?: boolean;
}

/** The key columns of a report's row: without all three a row is no event (a signature, a note). */
const KEY_COLUMNS: readonly RoadmapColumnId[] = ["municipality", "title", "timing"];

/**
 * The report in a file's rows: the header found by its names, the title above it
 * (the first non-empty cell, unless the reader already knows it), and the data
 * rows under it. Left out and listed in the notices: the explanation right under
 * the header (the hints row, column numbers, italics) and the signatures and notes
 * under the table (lib/domain/files/table-edges.ts). Skipped: empty rows (the empty
 * headers of seed 002's continuation tables among them), repeated headers, hints rows.
 */
export function roadmapSheetOfRows(format: RoadmapFileFormat, rows: readonly SourceRow[], source: RoadmapSource = {}): RoadmapSheet {
  const knownTitle = source.title;
  const base = { format, notices: [...(source.notices ?? [])], sheets: [], date1904: source.date1904 ?? false };
  const problems: TableProblem[] = [];
  const window = rows.slice(0, HEADER_SEARCH_ROWS);
  let headerAt = window.findIndex((r) => isRoadmapHeader(r.cells));
  if (headerAt < 0) headerAt = window.findIndex((r) => looksLikeRoadmapHeader(r.cells));
  const titleOf = (above: readonly SourceRow[]) => {
    if (knownTitle !== undefined) return knownTitle ? squeeze(knownTitle) : null;
    for (const r of above) {
      const cell = r.cells.find((c) => squeeze(c) !== "");
      if (cell !== undefined) return squeeze(cell);
    }
    return null;
  };
  if (headerAt < 0) {
    const names = REQUIRED_ROADMAP_COLUMNS.map((id) => `«${headerOf(id)}»`).join(", ");
    problems.push({
      row: null,
      column: null,
      message: `Не найдена строка заголовков таблицы: нужны столбцы ${names} и другие столбцы отчета о дорожной карте.`,
    });
    return { ...base, title: titleOf(rows.slice(0, 1)), rows: [], columns: [], problems };
  }

  const header = rows[headerAt]!;
  const { columns, repeated } = readRoadmapHeader(header.cells);
  for (const id of new Set(repeated)) {
    problems.push({ row: header.row, column: headerOf(id), message: `Столбец «${headerOf(id)}» встречается в заголовке дважды.` });
  }
  for (const id of REQUIRED_ROADMAP_COLUMNS) {
    if (!columns.includes(id)) {
      problems.push({ row: header.row, column: headerOf(id), message: `В строке заголовков нет столбца «${headerOf(id)}».` });
    }
  }
  const title = titleOf(rows.slice(0, headerAt));

  const body = tableBody(rows.slice(headerAt + 1), {
    hasKeyData: (r) => KEY_COLUMNS.some((id) => columns.includes(id) && squeeze(r.cells[columns.indexOf(id)] ?? "") !== ""),
    isExplanation: (r) => isHintsRow(r.cells, columns),
    headerItalic: header.italic,
    quote: true,
  });
  base.notices.push(...body.notices);
  const data: TableRow[] = [];
  for (const r of body.rows) {
    if (isEmptyRow(r.cells) || isHintsRow(r.cells, columns) || isRoadmapHeader(r.cells)) continue;
    data.push({ row: r.row, cells: [...r.cells] });
  }
  if (data.length > MAX_ROADMAP_ROWS) {
    problems.push({ row: null, column: null, message: `В файле больше ${MAX_ROADMAP_ROWS} мероприятий: разделите его на части.` });
    return { ...base, title, rows: [], columns, problems };
  }
  if (data.length === 0 && problems.length === 0) {
    problems.push({ row: header.row, column: null, message: "Под строкой заголовков нет ни одного мероприятия." });
  }
  return { ...base, title, rows: data, columns, problems };
}

/** The key two spellings of one title (or municipality) share: case, «ё» and spaces do not matter. */
export function roadmapKey(text: string): string {
  return text.toLowerCase().replaceAll("ё", "е").replace(/\s+/gu, " ").trim();
}

const REGION_CODE = /^\d{1,3}$/u;

const REQUIRED_MESSAGES: Record<"municipality" | "title" | "timing", string> = {
  municipality: "Укажите муниципалитет.",
  title: "Укажите мероприятие.",
  timing: "Укажите дату проведения мероприятия (например, «22 сентября 2020 года» или «В течение учебного года»).",
};

/** Columns whose line breaks are kept (people, descriptions and documents written one per line); the others are one line. */
const MULTILINE_COLUMNS: readonly RoadmapColumnId[] = ["description", "responsible", "audience", "documents"];

/** A cell's lines, each squeezed, empty ones dropped, joined by "\n" (CRLF and CR read as line breaks). */
export function keepLines(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028/u)
    .map(squeeze)
    .filter((line) => line !== "")
    .join("\n");
}

/** A date written as Excel's serial number («44483», a date cell that lost its format) as ДД.ММ.ГГГГ; other text as it is. */
function serialAsDate(timing: string, date1904: boolean): string {
  if (!/^\d+(\.\d+)?$/u.test(timing)) return timing;
  const day = excelSerialDay(Number(timing), { date1904 });
  return day ? russianDate(day) : timing;
}

/**
 * Validates the rows of a sheet: every cell squeezed (line breaks kept in the
 * description, responsible, audience and documents), the required cells
 * filled, the region code 1–3 digits (or empty: the importing user's region),
 * the lengths within limits, no event twice in one municipality. Every problem
 * names its row and column. The sheet's own problems come first; with any of
 * them no record is returned. Otherwise the records are the rows without
 * problems: the caller decides whether to import with problems left.
 */
export function parseRoadmapRows(sheet: RoadmapSheet): { records: RoadmapRecord[]; problems: TableProblem[] } {
  if (sheet.problems.length) return { records: [], problems: [...sheet.problems] };
  const problems: TableProblem[] = [];
  const records: RoadmapRecord[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const fields = {} as RoadmapFields;
    for (const id of ROADMAP_COLUMN_IDS) {
      const index = sheet.columns.indexOf(id);
      const text = index < 0 ? "" : (cells[index] ?? "");
      fields[id] = MULTILINE_COLUMNS.includes(id) ? keepLines(text) : squeeze(text);
    }
    fields.timing = serialAsDate(fields.timing, sheet.date1904);
    if (ROADMAP_COLUMN_IDS.every((id) => fields[id] === "")) continue;
    const before = problems.length;
    const say = (id: RoadmapColumnId, message: string) => problems.push({ row, column: headerOf(id), message });

    for (const id of ROADMAP_COLUMN_IDS) {
      const value = fields[id];
      if (id === "municipality" || id === "title" || id === "timing") {
        if (!value) {
          say(id, REQUIRED_MESSAGES[id]);
          continue;
        }
      }
      if (id === "regionCode" && value && !REGION_CODE.test(value)) {
        say(id, "Код региона — число из 1–3 цифр, например 23.");
        continue;
      }
      if (value.length > MAX_LENGTH[id]) say(id, `Текст длиннее ${MAX_LENGTH[id]} знаков (${value.length}).`);
    }
    if (fields.title && fields.municipality) {
      const key = `${roadmapKey(fields.municipality)}|${roadmapKey(fields.title)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) say("title", `Мероприятие уже есть в строке ${first}.`);
      else firstRowOf.set(key, row);
    }
    if (problems.length === before) records.push({ row, ...fields });
  }
  return { records, problems };
}

/** "2020/2021" (or "2020-2021", "2020–2021") → "2020-2021"; other text as given. */
function yearsOf(schoolYear: string): string {
  const match = /^\s*(\d{4})\s*[/\-–—]\s*(\d{4})\s*$/u.exec(schoolYear);
  return match ? `${match[1]}-${match[2]}` : squeeze(schoolYear);
}

/** Seed 002's title for a school year; without one, the title without the year. */
export function roadmapTitle(schoolYear: string | null): string {
  const year = schoolYear && squeeze(schoolYear) ? ` на ${yearsOf(schoolYear)} учебный год` : "";
  return `${ROADMAP_TITLE_PREFIX}${year} ${TITLE_SUBJECT}`;
}

/** The table of the report as seed 002 lays it out: the header, the hints row, then one row per event. */
export function roadmapTableRows(records: readonly RoadmapFields[]): string[][] {
  return [
    ROADMAP_COLUMNS.map((c) => c.header),
    ROADMAP_COLUMN_IDS.map((id) => ROADMAP_HINTS[id]),
    ...records.map((r) => ROADMAP_COLUMN_IDS.map((id) => r[id])),
  ];
}
