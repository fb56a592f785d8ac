import type { CellValue } from "exceljs";

/**
 * An uploaded workbook as plain data, which lib/domain/files/workbook-worker.mjs makes
 * with exceljs in a worker thread and every import reads instead of exceljs's
 * objects. It keeps what the imports read (each cell's value and kind, its text,
 * number format and italics; sheet names and order; merged ranges), so that
 * readers of dates as serials, masked numbers, several sheets or line breaks
 * need nothing more from the worker. Pure.
 */

/** exceljs's value types: "merge" is a cell inside a merged range (its value is the range's first cell's). */
export type CellKind = "merge" | "number" | "string" | "date" | "hyperlink" | "formula" | "sharedString" | "richText" | "boolean" | "error";

export interface CellData {
  kind: CellKind;
  /**
   * The value as exceljs reads it: a string, number, boolean or Date; `{ richText }`
   * with each run's font; `{ text, hyperlink }`; `{ formula | sharedFormula, result }`
   * with the result Excel cached; `{ error }`.
   */
  value: CellValue;
  /** exceljs's text of the value (a formula's result, a link's text, runs joined); the number format is not applied. */
  text: string;
  /**
   * A number (or a formula's cached number) as Excel shows it, its number format
   * applied by SSF: 23180 formatted "0-00-00" is "2-31-80", 7 formatted "000000" is
   * "000007". Null for other values, and for a format SSF cannot render.
   */
  shown: string | null;
  /** The cell's number format ("0.00", "dd.mm.yyyy", "@"), if it has one. */
  numFmt: string | null;
  italic: boolean;
}

export interface RowData {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** From column 1 on, up to the row's last cell (at most the columns asked for); null for an empty cell. */
  cells: (CellData | null)[];
}

export interface SheetData {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Only the rows that hold anything, in order: a cell far down the sheet is one row, not a million. */
  rows: RowData[];
  /** Merged ranges, "A1:H1". */
  merges: string[];
}

export interface WorkbookData {
  /** In the workbook's order. */
  sheets: SheetData[];
  /** The workbook counts serial dates from 1904-01-01 (exceljs's date cells already honour it; plain numbers need it). */
  date1904: boolean;
}

export function sheetNamed(workbook: WorkbookData, name: string): SheetData | undefined {
  return workbook.sheets.find((sheet) => sheet.name === name);
}

const rowIndexes = new WeakMap<SheetData, Map<number, RowData>>();

/** A sheet's row by its number, or undefined when it holds nothing. */
export function rowOf(sheet: SheetData, row: number): RowData | undefined {
  let index = rowIndexes.get(sheet);
  if (!index) {
    index = new Map(sheet.rows.map((r) => [r.row, r]));
    rowIndexes.set(sheet, index);
  }
  return index.get(row);
}

/** A cell's value by its row and column (1-based), null when empty, as exceljs's getCell(…).value. */
export function cellValue(sheet: SheetData, row: number, column: number): CellValue {
  return rowOf(sheet, row)?.cells[column - 1]?.value ?? null;
}
