import ExcelJS from "exceljs";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { formulaAsTyped } from "@/lib/domain/files/cell-text";
import { readTableFile, type TableReading, type TableShape } from "@/lib/domain/files/table-file";
import { z } from "@/lib/schemas/z";
import { toCellText } from "@/lib/domain/templates/xlsx-cells";
import { writeCsv } from "./csv";
import { isSchoolHeader, looksLikeHeader, SCHOOL_COLUMNS, schoolTableRows, squeeze, type SchoolRecord } from "./school-table";

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

const SCHOOL_TABLE: TableShape = { isHeader: isSchoolHeader, looksLikeHeader, cellText: formulaAsTyped };

/** The rows of the table in a file (of the workbook's `sheet`, when named), or what makes the file unreadable. */
export function readSchoolFile(bytes: Uint8Array, sheet: string | null = null): Promise<TableReading> {
  return readTableFile(bytes, SCHOOL_TABLE, { maxBytes: MAX_SCHOOL_FILE_BYTES, sheet });
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
