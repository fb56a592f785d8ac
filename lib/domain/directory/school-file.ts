import ExcelJS from "exceljs";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import type { SheetData } from "@/lib/domain/files/workbook-data";
import { z } from "@/lib/schemas/z";
import { cellText, toCellText } from "@/lib/domain/templates/xlsx-cells";
import { readCsv, writeCsv } from "./csv";
import {
  isHeaderLine,
  looksLikeHeader,
  SCHOOL_COLUMNS,
  schoolTableRows,
  squeeze,
  type SchoolRecord,
  type TableProblem,
  type TableRow,
} from "./school-table";

/**
 * The schools' table as a file: an XLSX workbook or a CSV text, told apart by
 * content (an XLSX workbook is a ZIP archive, which starts with "PK"). Pure.
 */

export const SCHOOL_FILE_FORMATS = ["xlsx", "csv"] as const;
export type SchoolFileFormat = (typeof SCHOOL_FILE_FORMATS)[number];

export const ZSchoolExportQuery = z.object({ format: z.enum(SCHOOL_FILE_FORMATS).default("xlsx") });

export const SCHOOL_FILE_MIME_TYPES: Record<SchoolFileFormat, string> = {
  xlsx: FILE_KINDS.XLSX.mime,
  csv: "text/csv; charset=utf-8",
};

export const MAX_SCHOOL_FILE_BYTES = 5 * 1024 * 1024;

export const SCHOOL_SHEET = "Организации";

/** «Организации — Калтанский городской округ.xlsx» */
export function schoolFileName(municipalityName: string, format: SchoolFileFormat): string {
  return `Организации — ${municipalityName.replace(/[/\\]/gu, "-")}.${format}`;
}

const fileProblem = (message: string, row: number | null = null): TableProblem => ({ row, column: null, message });

/** The rows of the table in a file, or what makes the file unreadable. */
export async function readSchoolFile(bytes: Uint8Array): Promise<{ rows: TableRow[]; problems: TableProblem[] }> {
  if (bytes.length === 0) return { rows: [], problems: [fileProblem("Файл пустой.")] };
  if (bytes.length > MAX_SCHOOL_FILE_BYTES) {
    return { rows: [], problems: [fileProblem(`Файл больше ${MAX_SCHOOL_FILE_BYTES / 1024 / 1024} МБ.`)] };
  }
  const magic = Buffer.from(bytes.subarray(0, 4)).toString("hex");
  if (magic.startsWith("504b")) return readXlsx(bytes);
  if (magic === "d0cf11e0") {
    return { rows: [], problems: [fileProblem("Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV.")] };
  }
  const csv = readCsv(bytes, isHeaderLine);
  if ("error" in csv) return { rows: [], problems: [fileProblem(capitalised(csv.error), csv.row)] };
  return { rows: csv.records.map((cells, i) => ({ row: i + 1, cells })), problems: [] };
}

async function readXlsx(bytes: Uint8Array): Promise<{ rows: TableRow[]; problems: TableProblem[] }> {
  // A zip bomb or a sheet that would expand to billions of cells is refused before exceljs inflates it.
  const loaded = await readWorkbook(bytes);
  if (!loaded.ok) return { rows: [], problems: [fileProblem(loaded.message)] };
  const sheets = loaded.workbook.sheets.map(sheetRows);
  // The sheet that holds the table: the first with its header, else the first one.
  const rows = sheets.find((sheet) => sheet.some((r) => looksLikeHeader(r.cells))) ?? sheets[0] ?? [];
  return { rows, problems: [] };
}

/** The rows that hold anything (empty rows are skipped by the table's parsers anyway), as text. */
function sheetRows(sheet: SheetData): TableRow[] {
  return sheet.rows.map(({ row, cells }) => ({ row, cells: cells.map((cell) => xlsxCellText(cell?.value ?? null)) }));
}

/** A formula is taken as the text typed, never as its result: "=HYPERLINK(…)" stays that text. */
function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value !== null && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
    return `=${value.formula}`;
  }
  return cellText(value);
}

export async function writeSchoolFile(schools: readonly SchoolRecord[], format: SchoolFileFormat): Promise<Buffer> {
  const rows = schoolTableRows(schools);
  return format === "csv"
    ? writeCsv(rows)
    : writeTableXlsx(
        SCHOOL_SHEET,
        SCHOOL_COLUMNS.map((c) => ({ width: c.width, text: c.id !== "number" })),
        rows,
      );
}

/** A column of a written table: its width, and whether its cells are text cells. */
export interface TableColumnLayout {
  width: number;
  text: boolean;
}

/**
 * One sheet: a bold header frozen at the top, widths to read the columns, and every
 * text cell a text cell ("@"), so that Excel never takes "=…" for a formula, not
 * even after the cell is edited.
 */
export async function writeTableXlsx(
  sheetName: string,
  columns: readonly TableColumnLayout[],
  rows: readonly (string | number)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: { alignment: { wrapText: true, vertical: "top" }, ...(column.text ? { numFmt: "@" } : {}) },
  }));
  for (const values of rows) sheet.addRow(values.map((v) => (typeof v === "number" ? v : squeeze(v) === "" ? null : toCellText(v))));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function capitalised(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/u.test(sentence) ? sentence : `${sentence}.`;
}
