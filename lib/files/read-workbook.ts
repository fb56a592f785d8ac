import ExcelJS from "exceljs";
import { checkXlsx, ZIP_DAMAGED, type ZipLimits } from "./zip-guard";

/** Imported tables have a dozen columns; cells further right are never read (a cell in column XFD is not 16,384 cells). */
export const MAX_TABLE_COLUMNS = 100;

/** An imported workbook of at most 5 MB unpacks to a few megabytes; 50 MB leaves room for any real one. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 50 * 1024 * 1024 };

export const NOT_A_WORKBOOK = "Файл не читается как книга Excel (.xlsx).";

/**
 * An uploaded XLSX workbook loaded with exceljs, after lib/files/zip-guard.ts has
 * found it safe to inflate; otherwise the Russian reason it is refused. Every
 * reader of imported workbooks goes through here.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; message: string }> {
  const guard = await checkXlsx(bytes, { limits: IMPORT_ZIP_LIMITS });
  // A damaged archive is said the way a workbook exceljs cannot read is; bombs and limits say what they are.
  if (!guard.ok) return { ok: false, message: guard.message === ZIP_DAMAGED ? NOT_A_WORKBOOK : guard.message };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; at run time it reads Node's.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: NOT_A_WORKBOOK };
  }
  return { ok: true, workbook };
}

/**
 * The rows a sheet holds, in order, each with its number and its cells' values
 * from column 1 to the row's last cell, at most `maxColumns` of them. Rows that
 * exist only as a number (a cell far down the sheet) cost nothing: a sheet with one
 * cell in row 1,048,576 is one row, not a million.
 */
export function sheetRowValues(sheet: ExcelJS.Worksheet, maxColumns: number): { row: number; values: ExcelJS.CellValue[] }[] {
  const rows: { row: number; values: ExcelJS.CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const width = Math.min(row.cellCount, maxColumns);
    rows.push({ row: number, values: Array.from({ length: width }, (_, c) => row.getCell(c + 1).value) });
  });
  return rows;
}
