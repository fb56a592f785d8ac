import ExcelJS from "exceljs";
import { writeCsv } from "@/lib/domain/directory/csv";
import { squeeze, type TableProblem } from "@/lib/domain/directory/school-table";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import type { TextEncoding } from "@/lib/domain/files/decode-text";
import { shownText } from "@/lib/domain/files/cell-text";
import {
  fileNotices,
  judgeTableBytes,
  readCsvTable,
  readDocxTable,
  readWorkbookTable,
  type TableReading,
  type TableShape,
} from "@/lib/domain/files/table-file";
import type { CellData } from "@/lib/domain/files/workbook-data";
import { cellText, toCellText } from "@/lib/domain/templates/xlsx-cells";
import type { TImportNotice } from "@/lib/schemas/import";
import {
  isRoadmapHeader,
  looksLikeRoadmapHeader,
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
 * The roadmap report as a file. Read: Markdown (seed 002 as it is stored), CSV,
 * an XLSX workbook or a Word document (DOCX) holding the report's table, told
 * apart by content (a workbook and a document are ZIP archives of their own
 * kinds; a Markdown table's lines start with "|"); text in UTF-8, UTF-16 or
 * Windows-1251 (lib/domain/files/decode-text.ts). Written: XLSX in seed 002's
 * layout, or CSV. Pure: bytes in, bytes out.
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

/** What the import takes, as its refusals tell it. */
const FORMATS = "книгу XLSX, документ Word (DOCX), файл CSV или текст Markdown (.md, .txt)";

const refused = (format: RoadmapFileFormat, problem: TableProblem, sheets: string[] = []): RoadmapSheet => ({
  title: null,
  format,
  rows: [],
  columns: [],
  problems: [problem],
  notices: [],
  sheets,
  date1904: false,
});

const extensionOf = (fileName?: string) => /\.([a-z0-9]+)$/iu.exec(fileName ?? "")?.[1]?.toLowerCase() ?? "";

/**
 * The rows of a report file, or what makes it unreadable. The kind is judged by
 * content; the file's name only tells a Markdown text that has no table yet. A
 * workbook is read from its sheet `sheet`, else from the one sheet that holds the
 * report; a Word document likewise from its table «Таблица N», titled by the
 * paragraph above it.
 */
export async function readRoadmapFile(bytes: Uint8Array, fileName?: string, sheet: string | null = null): Promise<RoadmapSheet> {
  const extension = extensionOf(fileName);
  const guess: RoadmapFileFormat = extension === "xlsx" || extension === "csv" || extension === "docx" ? extension : "md";
  const judged = await judgeTableBytes(bytes, { maxBytes: MAX_ROADMAP_FILE_BYTES, formats: FORMATS, docx: true });
  if (judged.kind === "refused") return refused(guess, { row: null, column: null, message: judged.message });
  if (judged.kind === "xlsx") return sheetOf("xlsx", await readWorkbookTable(bytes, ROADMAP_TABLE, sheet));
  if (judged.kind === "docx") return sheetOf("docx", await readDocxTable(bytes, ROADMAP_TABLE, sheet));
  const lines = judged.text.split(/\r\n|\n|\r/u);
  const pipeLines = lines.filter((line) => line.trimStart().startsWith("|")).length;
  if (pipeLines >= 2 || ((extension === "md" || extension === "markdown") && pipeLines > 0)) return readMarkdown(lines, judged.encoding);
  return sheetOf("csv", readCsvTable(judged.text, judged.encoding, ROADMAP_TABLE));
}

/** A workbook's, a Word document's or a CSV file's rows as the report. */
function sheetOf(format: "csv" | "xlsx" | "docx", reading: TableReading): RoadmapSheet {
  if (!reading.ok) return refused(format, reading.problems[0]!, reading.sheets);
  const { file } = reading;
  // A Word table's title is the paragraph above it; a workbook's, a row above its header.
  const title = file.format === "docx" ? { title: file.title } : {};
  return roadmapSheetOfRows(format, file.rows, { ...title, notices: fileNotices(file), date1904: file.date1904 });
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
 * outside the tables is not a row: the title above them, and the signatures
 * under them (seed 002 signs under each table), which the notices list.
 */
function readMarkdown(lines: readonly string[], encoding: TextEncoding): RoadmapSheet {
  const rows: SourceRow[] = [];
  const leftOut: TImportNotice[] = [];
  let title: string | null = null;
  lines.forEach((line, i) => {
    if (!line.trimStart().startsWith("|")) {
      const text = squeeze(markdownCellText(line));
      if (rows.length === 0 && title === null && text !== "") title = markdownTitle(line);
      else if (rows.length > 0 && text !== "") {
        leftOut.push({ kind: "left-out", row: i + 1, message: `«${text}» — не импортировано: подпись/примечание под таблицей` });
      }
      return;
    }
    const raw = splitMarkdownRow(line);
    if (isSeparatorCells(raw)) return;
    rows.push({ row: i + 1, cells: raw.map(markdownCellText), italic: italicCells(raw) });
  });
  const sheet = roadmapSheetOfRows("md", rows, { title, notices: fileNotices({ encoding, separator: null, sheet: null }) });
  return { ...sheet, notices: [...sheet.notices, ...leftOut].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

/** A heading's "#", bold markup and tags dropped. */
function markdownTitle(line: string): string | null {
  const text = squeeze(markdownCellText(line.replace(/^\s*#+\s*/u, "")).replace(/^\*(.+)\*$/u, "$1"));
  return text || null;
}

/* XLSX */

/** How a file's sheet (or a CSV file's separator) is told to hold the report. */
const ROADMAP_TABLE: TableShape = { isHeader: isRoadmapHeader, looksLikeHeader: looksLikeRoadmapHeader, cellText: xlsxCellText };

const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/iu;

/**
 * A cell as text: a formula by its cached result (what the person saw); a link
 * (a hyperlink cell or a HYPERLINK formula) with its address in brackets after
 * the text, when the text does not show it, so that the address of a
 * confirming document is not lost.
 */
function xlsxCellText(cell: CellData): string {
  const value = cell.value;
  if (value === null || typeof value !== "object" || value instanceof Date) return shownText(cell);
  if ("hyperlink" in value && typeof value.hyperlink === "string") {
    return withLink(cellText(value.text as ExcelJS.CellValue), value.hyperlink);
  }
  if ("formula" in value && typeof value.formula === "string") {
    const link = HYPERLINK_FORMULA.exec(value.formula)?.[1];
    const text = shownText(cell);
    return link ? withLink(text, link) : text;
  }
  return shownText(cell);
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
