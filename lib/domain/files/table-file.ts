import type { TImportNotice, TImportProblem } from "@/lib/schemas/import";
import { shownText } from "./cell-text";
import { decodeText, type TextEncoding } from "./decode-text";
import { detectFileType, detectWordArchive, FILE_KINDS, fileTooLarge } from "./detect-file-type";
import { docxSheets } from "./docx-table-rows";
import { oleKind } from "./ole-file";
import { type CsvSeparator, readCsvText } from "./read-csv";
import { DOCX_ENCRYPTED, LEGACY_DOC, readDocx } from "./read-docx";
import { readWorkbook } from "./read-workbook";
import type { CellData, SheetData } from "./workbook-data";

/**
 * An uploaded table (an XLSX workbook, a CSV text, or for the imports that take
 * one a Word document's table) as rows of text, the way every table import reads
 * it: the kind judged by content, the text's encoding and separator detected, the
 * workbook's sheet (the document's table) chosen by its header. Pure.
 */

/** A row of a file, numbered as the file numbers it (Excel's row, the CSV record), its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
  /** Every non-empty cell is in italics (a workbook's hints or notes row). */
  italic?: boolean;
  /** Its non-empty cells are one merged range across columns (a workbook's title or note). */
  mergedAcross?: boolean;
}

/** What makes a row the header of the table an import expects. */
export interface TableShape {
  /** A header naming every column the import needs. */
  isHeader: (cells: readonly string[]) => boolean;
  /** A header with columns missing, so that the sheet is found and the missing column named; `isHeader` by default. */
  looksLikeHeader?: (cells: readonly string[]) => boolean;
  /** A workbook cell as text; `shownText` by default. */
  cellText?: (cell: CellData) => string;
}

export interface TableFile {
  format: "csv" | "xlsx" | "docx";
  rows: SourceRow[];
  /** How a text file was read. */
  encoding: TextEncoding | null;
  separator: CsvSeparator | null;
  /** The workbook's sheet the rows come from; a Word document's table, «Таблица 1». */
  sheet: string | null;
  /** A Word table's title: the paragraph before it (a workbook's title is a row above its header). */
  title: string | null;
  /** Plain numbers in date columns count from 1904 (see cell-dates.ts). */
  date1904: boolean;
}

/** A file refused: its problems, and, when the table is on several sheets, their names to choose from. */
interface TableRefusal {
  problems: TImportProblem[];
  sheets: string[];
}

export type TableReading = { ok: true; file: TableFile } | ({ ok: false } & TableRefusal);

/** Rows searched for the header: a title and notes may come first. */
const HEADER_SEARCH_ROWS = 30;

const refusal = (message: string, row: number | null = null, sheets: string[] = []): { ok: false } & TableRefusal => ({
  ok: false,
  problems: [{ row, column: null, message }],
  sheets,
});

/** What the bytes are before they are read: a workbook, a Word document, a text, or a refusal. */
export type TableBytes =
  | { kind: "xlsx" }
  | { kind: "docx" }
  | { kind: "text"; text: string; encoding: TextEncoding }
  | { kind: "refused"; message: string };

/** For the imports that take no Word document: a .docx, .docm or .doc alike. */
const NOT_WORD = "Это документ Word: сохраните таблицу как книгу XLSX или CSV.";

/**
 * Judges the bytes by content (the file's name is never consulted): `formats` says
 * what the import takes, as the refusals tell it («книгу XLSX или файл CSV»);
 * `docx`, whether it takes a Word document's table.
 */
export async function judgeTableBytes(
  bytes: Uint8Array,
  options: { maxBytes: number; formats: string; docx?: boolean },
): Promise<TableBytes> {
  const refused = (message: string): TableBytes => ({ kind: "refused", message });
  if (bytes.length === 0) return refused("Файл пустой.");
  if (bytes.length > options.maxBytes) return refused(fileTooLarge(options.maxBytes));
  const magic = Buffer.from(bytes.subarray(0, 4)).toString("hex");
  const ole = oleKind(bytes);
  // Office wraps a password-protected DOCX or XLSX in an OLE file, as Word 97–2003 and Excel 97–2003 saved theirs.
  if (ole === "encrypted") return refused(DOCX_ENCRYPTED);
  if (ole === "doc") return refused(options.docx ? LEGACY_DOC : NOT_WORD);
  if (ole) return refused("Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV.");
  const kind = await detectFileType(bytes);
  // A .docm too: readDocx refuses it for its macros.
  if (kind === "DOCX" || (kind === null && magic.startsWith("504b") && (await detectWordArchive(bytes)))) {
    return options.docx ? { kind: "docx" } : refused(NOT_WORD);
  }
  // A workbook, or a ZIP archive that readWorkbook refuses as no workbook.
  if (magic.startsWith("504b")) return { kind: "xlsx" };
  if (kind !== null) return refused(`Это файл ${FILE_KINDS[kind].label}, а не таблица: загрузите ${options.formats}.`);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refused(`Файл не похож на таблицу: загрузите ${options.formats}.`);
  return { kind: "text", text: decoded.text, encoding: decoded.encoding };
}

/** A table in an XLSX workbook or a CSV file (the schools and ДОТ records imports). */
export async function readTableFile(
  bytes: Uint8Array,
  shape: TableShape,
  options: { maxBytes: number; sheet?: string | null },
): Promise<TableReading> {
  const judged = await judgeTableBytes(bytes, { maxBytes: options.maxBytes, formats: "книгу XLSX или файл CSV" });
  if (judged.kind === "refused") return refusal(judged.message);
  if (judged.kind === "xlsx") return readWorkbookTable(bytes, shape, options.sheet ?? null);
  if (judged.kind === "docx") return readDocxTable(bytes, shape, options.sheet ?? null);
  return readCsvTable(judged.text, judged.encoding, shape);
}

/** A decoded CSV text as rows, its separator judged by the header. */
export function readCsvTable(text: string, encoding: TextEncoding, shape: TableShape): TableReading {
  const csv = readCsvText(text, anyHeader(shape));
  if (!csv.ok) return refusal(csv.message, csv.row);
  const rows = csv.records.map((cells, i) => ({ row: i + 1, cells }));
  return { ok: true, file: { format: "csv", rows, encoding, separator: csv.separator, sheet: null, title: null, date1904: false } };
}

const anyHeader = (shape: TableShape) => (cells: readonly string[]) => shape.isHeader(cells) || (shape.looksLikeHeader?.(cells) ?? false);

const sheetList = (names: readonly string[]) => names.map((name) => `«${name}»`).join(", ");

/** A sheet (or a Word table) read as rows, for the choice of the one that holds the table. */
interface ReadSheet {
  name: string;
  hidden: boolean;
  rows: SourceRow[];
}

/** How the refusals name the file's parts: a workbook's sheets, a document's tables. */
interface SheetWords {
  missing: (name: string, names: string) => string;
  several: (names: string) => string;
}

const WORKBOOK_WORDS: SheetWords = {
  missing: (name, names) => `В книге нет листа «${name}»: есть ${names}.`,
  several: (names) =>
    `Таблица есть на нескольких листах книги: ${names}. Выберите лист, из которого импортировать, и проверьте файл снова.`,
};

const DOCUMENT_WORDS: SheetWords = {
  missing: (name, names) => `В документе нет таблицы «${name}»: есть ${names}.`,
  several: (names) =>
    `В документе несколько таблиц с нужными столбцами: ${names}. Выберите таблицу, из которой импортировать, и проверьте файл снова.`,
};

/**
 * The sheet that holds the table: the sheet named `sheet`, else the one sheet
 * whose header names every column (visible sheets before hidden ones), else the
 * first whose header names some, else the first visible sheet. Where several
 * sheets hold the table the file is refused with their names, for the user to choose.
 */
function chooseSheet<S extends ReadSheet>(
  read: readonly S[],
  shape: TableShape,
  sheet: string | null,
  words: SheetWords,
): { ok: true; sheet: S | undefined } | ({ ok: false } & TableRefusal) {
  if (sheet !== null) {
    const named = read.find((s) => s.name === sheet);
    return named ? { ok: true, sheet: named } : refusal(words.missing(sheet, sheetList(read.map((s) => s.name))));
  }
  const holds = (test: (cells: readonly string[]) => boolean) =>
    read.filter((s) => s.rows.slice(0, HEADER_SEARCH_ROWS).some((r) => test(r.cells)));
  const full = holds(shape.isHeader);
  const visible = full.filter((s) => !s.hidden);
  const candidates = visible.length ? visible : full;
  if (candidates.length > 1) {
    const names = candidates.map((s) => s.name);
    return refusal(words.several(sheetList(names)), null, names);
  }
  return { ok: true, sheet: candidates[0] ?? holds(anyHeader(shape))[0] ?? read.find((s) => !s.hidden) ?? read[0] };
}

/** The rows of the workbook's sheet that holds the table (chooseSheet). */
export async function readWorkbookTable(bytes: Uint8Array, shape: TableShape, sheet: string | null): Promise<TableReading> {
  // A zip bomb or a sheet that would expand to billions of cells is refused before exceljs inflates it.
  const loaded = await readWorkbook(bytes);
  if (!loaded.ok) return refusal(loaded.message);
  const { sheets, date1904 } = loaded.workbook;
  const read = sheets.map((s) => ({ name: s.name, hidden: s.state !== "visible", rows: sheetRows(s, shape.cellText ?? shownText) }));
  const chosen = chooseSheet(read, shape, sheet, WORKBOOK_WORDS);
  return chosen.ok ? sheetFile("xlsx", chosen.sheet, { title: null, date1904 }) : chosen;
}

/** The rows of the Word document's table that holds the table (chooseSheet), with its title. */
export async function readDocxTable(bytes: Uint8Array, shape: TableShape, sheet: string | null): Promise<TableReading> {
  // The same bounded reading as a workbook's: bombs, macros and passwords are refused before anything is parsed.
  const loaded = await readDocx(bytes);
  if (!loaded.ok) return refusal(loaded.message);
  const read = docxSheets(loaded.document).map((s) => ({ ...s, hidden: false }));
  if (read.length === 0) return refusal("В документе Word нет ни одной таблицы.");
  const chosen = chooseSheet(read, shape, sheet, DOCUMENT_WORDS);
  return chosen.ok ? sheetFile("docx", chosen.sheet, { title: chosen.sheet?.title ?? null, date1904: false }) : chosen;
}

/** The chosen sheet's (or table's) rows as the file read. */
function sheetFile(
  format: "xlsx" | "docx",
  chosen: ReadSheet | undefined,
  more: { title: string | null; date1904: boolean },
): TableReading {
  return { ok: true, file: { format, rows: chosen?.rows ?? [], encoding: null, separator: null, sheet: chosen?.name ?? null, ...more } };
}

/** "B3" → column 2, row 3. */
function cellAddress(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/u.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const column = [...match[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergeRanges(sheet: SheetData): MergeRange[] {
  return sheet.merges.flatMap((range) => {
    const [from, to] = range.split(":");
    const a = from ? cellAddress(from) : null;
    const b = to ? cellAddress(to) : a;
    return a && b ? [{ top: a.row, left: a.column, bottom: b.row, right: b.column }] : [];
  });
}

/** The rows that hold anything, as text, each with its italics and whether it is one merged range across columns. */
function sheetRows(sheet: SheetData, text: (cell: CellData) => string): SourceRow[] {
  const across = mergeRanges(sheet).filter((m) => m.right > m.left);
  return sheet.rows.map(({ row, cells }) => {
    const texts = cells.map((cell) => (cell ? text(cell) : ""));
    const filled = texts.flatMap((t, i) => (t.trim() !== "" ? [i + 1] : []));
    const filledCells = cells.filter((cell, i): cell is CellData => cell !== null && texts[i]!.trim() !== "");
    const merged = across.find((m) => m.top <= row && row <= m.bottom && filled.every((c) => m.left <= c && c <= m.right));
    return {
      row,
      cells: texts,
      italic: filledCells.length > 0 && filledCells.every(isItalic),
      mergedAcross: filled.length > 0 && merged !== undefined,
    };
  });
}

/** The cell's font is italic, or every run of its rich text is. */
function isItalic(cell: CellData): boolean {
  const value = cell.value;
  if (value !== null && typeof value === "object" && "richText" in value) {
    const runs = value.richText.filter((run) => run.text.trim() !== "");
    return runs.length > 0 && runs.every((run) => run.font?.italic ?? cell.italic);
  }
  return cell.italic;
}

const SEPARATOR_NAMES: Record<CsvSeparator, string> = { ";": "«;»", ",": "«,»", "\t": "— табуляция" };

/** What the preview says about how the file was read: «Кодировка: Windows-1251, разделитель «;»», «Лист: Дорожная карта», «Документ Word: Таблица 1». */
export function fileNotices(file: {
  format?: TableFile["format"] | "md";
  encoding: TextEncoding | null;
  separator: CsvSeparator | null;
  sheet: string | null;
}): TImportNotice[] {
  if (file.sheet !== null) {
    return [{ kind: "sheet", row: null, message: file.format === "docx" ? `Документ Word: ${file.sheet}` : `Лист: ${file.sheet}` }];
  }
  if (file.encoding === null) return [];
  const separator = file.separator ? `, разделитель ${SEPARATOR_NAMES[file.separator]}` : "";
  return [{ kind: "encoding", row: null, message: `Кодировка: ${file.encoding}${separator}` }];
}
