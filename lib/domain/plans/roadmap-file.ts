import ExcelJS from "exceljs";
import { CsvError, decodeUtf8, detectSeparator, parseCsv, restoreFormula, writeCsv, type CsvSeparator } from "@/lib/domain/directory/csv";
import { squeeze, type TableProblem } from "@/lib/domain/directory/school-table";
import { detectFileType, FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import type { CellData, SheetData } from "@/lib/domain/files/workbook-data";
import { cellText, toCellText } from "@/lib/domain/templates/xlsx-cells";
import {
  isRoadmapHeader,
  ROADMAP_COLUMNS,
  roadmapSheetOfRows,
  roadmapTableRows,
  type RoadmapColumnId,
  type RoadmapFields,
  type RoadmapFileFormat,
  type RoadmapSheet,
  type SourceRow,
} from "./roadmap-table";

/**
 * The roadmap report as a file. Read: Markdown (seed 002 as it is stored), CSV
 * or an XLSX workbook, told apart by content (a workbook is a ZIP archive;
 * a Markdown table's lines start with "|"). Written: XLSX in seed 002's layout,
 * or CSV. Pure: bytes in, bytes out.
 */

export type { RoadmapFileFormat, RoadmapSheet };

export const ROADMAP_EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type RoadmapExportFormat = (typeof ROADMAP_EXPORT_FORMATS)[number];

export const ROADMAP_FILE_MIME_TYPES: Record<RoadmapExportFormat, string> = {
  xlsx: FILE_KINDS.XLSX.mime,
  csv: "text/csv; charset=utf-8",
};

export const MAX_ROADMAP_FILE_BYTES = 5 * 1024 * 1024;

export const ROADMAP_SHEET = "Дорожная карта";

/** Column widths of the written sheet, in characters: the event and its description wide. */
const WIDTHS: Record<RoadmapColumnId, number> = {
  regionCode: 9,
  municipality: 18,
  title: 45,
  description: 60,
  timing: 20,
  responsible: 30,
  audience: 32,
  documents: 60,
};

const fileProblem = (message: string, row: number | null = null): TableProblem => ({ row, column: null, message });

const NOT_UTF8 =
  "Файл не в кодировке UTF-8. В Excel сохраните его как «CSV UTF-8 (разделитель — запятая)» или как книгу XLSX; текст Markdown сохраните в UTF-8.";
const NOT_A_TABLE = "Файл не похож на таблицу: загрузите книгу XLSX, файл CSV или текст Markdown (.md, .txt).";

const refused = (format: RoadmapFileFormat, problem: TableProblem): RoadmapSheet => ({
  title: null,
  format,
  rows: [],
  columns: [],
  problems: [problem],
});

const extensionOf = (fileName?: string) => /\.([a-z0-9]+)$/iu.exec(fileName ?? "")?.[1]?.toLowerCase() ?? "";

/**
 * The rows of a report file, or what makes it unreadable. The kind is judged by
 * content; the file's name only tells a Markdown text that has no table yet.
 */
export async function readRoadmapFile(bytes: Uint8Array, fileName?: string): Promise<RoadmapSheet> {
  const extension = extensionOf(fileName);
  const guess: RoadmapFileFormat = extension === "xlsx" ? "xlsx" : extension === "csv" ? "csv" : "md";
  if (bytes.length === 0) return refused(guess, fileProblem("Файл пустой."));
  if (bytes.length > MAX_ROADMAP_FILE_BYTES) {
    return refused(guess, fileProblem(`Файл больше ${MAX_ROADMAP_FILE_BYTES / 1024 / 1024} МБ.`));
  }
  const magic = Buffer.from(bytes.subarray(0, 4)).toString("hex");
  if (magic === "504b0304") {
    const kind = await detectFileType(bytes);
    if (kind === "DOCX") return refused("xlsx", fileProblem("Это документ Word (DOCX): сохраните таблицу отчета как книгу XLSX или CSV."));
    return readXlsx(bytes);
  }
  if (magic === "d0cf11e0") {
    return refused("xlsx", fileProblem("Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV."));
  }
  const kind = await detectFileType(bytes);
  if (kind !== null) {
    return refused(
      guess,
      fileProblem(`Это файл ${FILE_KINDS[kind].label}, а не таблица: загрузите книгу XLSX, файл CSV или текст Markdown.`),
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) return refused(guess, fileProblem(looksBinary(bytes) ? NOT_A_TABLE : NOT_UTF8));
  if (text.includes("\u0000")) return refused(guess, fileProblem(NOT_A_TABLE));
  const lines = text.split(/\r\n|\n|\r/u);
  const pipeLines = lines.filter((line) => line.trimStart().startsWith("|")).length;
  if (pipeLines >= 2 || ((extension === "md" || extension === "markdown") && pipeLines > 0)) return readMarkdown(lines);
  return readCsvText(text);
}

/** Control characters other than tab and line ends: not a text at all. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  return control > 0;
}

/* Markdown */

/** "| :--- | ---: |": the line under a Markdown table's header. */
const isSeparatorCells = (cells: readonly string[]) => cells.length > 0 && cells.every((c) => /^\s*:?-+:?\s*$/u.test(c));

/** The cells of a table line: split at "|" not escaped as "\|", the outer pipes dropped. */
export function splitMarkdownRow(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  const text = line.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && text[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "|") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  // The text before the first pipe and after the last one is outside the table.
  if (text.startsWith("|")) cells.shift();
  if (text.endsWith("|") && !text.endsWith("\\|")) cells.pop();
  return cells;
}

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A cell's text without markup: <br> a line break, other tags and **bold** / __bold__ dropped, entities decoded. */
export function markdownCellText(cell: string): string {
  const text = cell
    .replace(/<br\s*\/?>/giu, "\n")
    .replace(/<\/?[a-z][^>]*>/giu, "")
    .replace(/\*\*(.+?)\*\*/gu, "$1")
    .replace(/__(.+?)__/gu, "$1");
  return decodeEntities(text).trim();
}

/** True when every non-empty cell is wrapped in <i>…</i> (or <em>, or *…*), and one is not empty. */
function italicCells(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => /^<(i|em)>[\s\S]*<\/\1>$/iu.test(c) || /^\*[^*][\s\S]*\*$/u.test(c));
}

/**
 * Seed 002 as stored: a title line, then tables. Every table line is a row,
 * numbered by its line in the file; the separator lines are not rows. Text
 * outside the tables (the title, the signature under them) is not a row.
 */
function readMarkdown(lines: readonly string[]): RoadmapSheet {
  const rows: SourceRow[] = [];
  let title: string | null = null;
  lines.forEach((line, i) => {
    if (!line.trimStart().startsWith("|")) {
      if (rows.length === 0 && title === null && line.trim() !== "") title = markdownTitle(line);
      return;
    }
    const raw = splitMarkdownRow(line);
    if (isSeparatorCells(raw)) return;
    rows.push({ row: i + 1, cells: raw.map(markdownCellText), italic: italicCells(raw) });
  });
  return roadmapSheetOfRows("md", rows, title);
}

/** A heading's "#", bold markup and tags dropped. */
function markdownTitle(line: string): string | null {
  const text = squeeze(markdownCellText(line.replace(/^\s*#+\s*/u, "")).replace(/^\*(.+)\*$/u, "$1"));
  return text || null;
}

/* CSV */

const SEPARATORS: readonly CsvSeparator[] = [";", ",", "\t"];

/** A CSV line that is the report's header, whichever separator the file uses. */
function isHeaderLine(line: string): boolean {
  return SEPARATORS.some((separator) => {
    try {
      const [cells] = parseCsv(line, separator);
      return cells !== undefined && isRoadmapHeader(cells);
    } catch {
      return false;
    }
  });
}

/**
 * The records of a CSV report, numbered as records (as a spreadsheet numbers
 * its rows, and as CsvError numbers them). The separator is the one under
 * which the header is found (a title line with a comma does not decide it).
 */
function readCsvText(text: string): RoadmapSheet {
  const detected = detectSeparator(text, isHeaderLine);
  const candidates = [detected, ...SEPARATORS.filter((s) => s !== detected)];
  let fallback: RoadmapSheet | null = null;
  for (const separator of candidates) {
    let records: string[][];
    try {
      records = parseCsv(text, separator);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      fallback ??= refused("csv", fileProblem(capitalised(error.message), error.row));
      continue;
    }
    const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map(restoreFormula) }));
    const sheet = roadmapSheetOfRows("csv", rows);
    if (rows.slice(0, 30).some((r) => isRoadmapHeader(r.cells))) return sheet;
    fallback ??= sheet;
  }
  return fallback!;
}

/* XLSX */

async function readXlsx(bytes: Uint8Array): Promise<RoadmapSheet> {
  // A zip bomb or a sheet that would expand to billions of cells is refused before exceljs inflates it.
  const loaded = await readWorkbook(bytes);
  if (!loaded.ok) return refused("xlsx", fileProblem(loaded.message));
  const sheets = loaded.workbook.sheets.map(sheetRows);
  // The first sheet that holds the report's header, else the first sheet.
  const rows = sheets.find((sheet) => sheet.slice(0, 30).some((r) => isRoadmapHeader(r.cells))) ?? sheets[0] ?? [];
  return roadmapSheetOfRows("xlsx", rows);
}

/** The rows that hold anything (empty rows are skipped by the table's parser anyway). */
function sheetRows(sheet: SheetData): SourceRow[] {
  return sheet.rows.map(({ row, cells }) => {
    const texts = cells.map((cell) => xlsxCellText(cell?.value ?? null));
    const filled = cells.filter((cell, c): cell is CellData => cell !== null && squeeze(texts[c]!) !== "");
    return { row, cells: texts, italic: filled.length > 0 && filled.every(isItalic) };
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

const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/iu;

/**
 * A cell as text: a formula by its cached result (what the person saw); a link
 * (a hyperlink cell or a HYPERLINK formula) with its address in brackets after
 * the text, when the text does not show it, so that the address of a
 * confirming document is not lost.
 */
function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || typeof value !== "object" || value instanceof Date) return cellText(value);
  if ("hyperlink" in value && typeof value.hyperlink === "string") {
    return withLink(cellText(value.text as ExcelJS.CellValue), value.hyperlink);
  }
  if ("formula" in value && typeof value.formula === "string") {
    const link = HYPERLINK_FORMULA.exec(value.formula)?.[1];
    const text = cellText(value);
    return link ? withLink(text, link) : text;
  }
  return cellText(value);
}

function withLink(text: string, link: string): string {
  const url = link.replace(/^mailto:/iu, "");
  if (!text.trim()) return url;
  return text.includes(url) ? text : `${text} (${url})`;
}

/* Writing */

/**
 * The report as a file. XLSX: row 1 the title (bold, merged across the eight
 * columns), row 2 the header (bold), row 3 the hints in italics, the events from
 * row 4; every cell a wrapped text cell ("@") with borders, the title and header
 * frozen. CSV: the title line, the header, the hints, the events; formula-like
 * cells neutralised by writeCsv.
 */
export async function writeRoadmapFile(
  input: { title: string; records: readonly RoadmapFields[] },
  format: RoadmapExportFormat,
): Promise<Buffer> {
  const rows = roadmapTableRows(input.records);
  if (format === "csv") return writeCsv([[input.title], ...rows]);
  return writeRoadmapXlsx(input.title, rows);
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function writeRoadmapXlsx(title: string, rows: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const count = ROADMAP_COLUMNS.length;
  const sheet = workbook.addWorksheet(ROADMAP_SHEET, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = ROADMAP_COLUMNS.map((c) => ({
    width: WIDTHS[c.id],
    style: { alignment: { wrapText: true, vertical: "top" }, numFmt: "@" },
  }));
  const text = (v: string) => (squeeze(v) === "" ? null : toCellText(v));

  const titleRow = sheet.addRow([text(title)]);
  sheet.mergeCells(1, 1, 1, count);
  titleRow.font = { bold: true, size: 12 };
  titleRow.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  titleRow.height = 48;

  rows.forEach((values, i) => {
    const row = sheet.addRow(values.map(text));
    for (let c = 1; c <= count; c++) row.getCell(c).border = BORDER;
    if (i === 0) {
      row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    } else if (i === 1) {
      row.font = { italic: true };
    }
  });
  sheet.pageSetup.printTitlesRow = "2:2";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** «Дорожная карта — Краснодар.xlsx» */
export function roadmapFileName(name: string, format: RoadmapExportFormat): string {
  return `Дорожная карта — ${name.replace(/[/\\]/gu, "-")}.${format}`;
}

function capitalised(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/u.test(sentence) ? sentence : `${sentence}.`;
}
