import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { toCellText } from "@/lib/domain/templates/xlsx-cells";
import type { Cell, ColumnHead, ColumnType, ExportTable } from "./columns";
import { drained } from "./drained";

/**
 * How each type of cell is shown: dates ДД.ММ.ГГГГ, percents with one decimal, and
 * text cells as text ("@"), so that Excel never takes "=…" for a formula, not even
 * after the cell is edited.
 *
 * Formula injection (OWASP, "CSV Injection"): text that starts with = + - @, a tab
 * or a carriage return is written as a string cell, which no spreadsheet evaluates
 * (a workbook holds formulas only in <f> elements, and this writer never writes
 * one), in a text-formatted column. It gets no apostrophe, unlike in CSV
 * (lib/domain/exports/write-csv-table.ts), where the apostrophe is the only way to say
 * "text": in a workbook it would be a character of the cell, shown, sorted on and
 * read back by every importer. Numbers and dates stay typed cells (-5 is a number).
 */
const STYLES: Record<ColumnType, Partial<ExcelJS.Style>> = {
  text: { numFmt: "@", alignment: { wrapText: true, vertical: "top" } },
  number: { alignment: { vertical: "top" } },
  percent: { numFmt: "0.0%", alignment: { vertical: "top" } },
  date: { numFmt: "dd.mm.yyyy", alignment: { vertical: "top" } },
};

const WIDTHS: Record<ColumnType, number> = { text: 30, number: 12, percent: 12, date: 12 };

function xlsxCell(type: ColumnType, cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "number") return type === "percent" ? cell / 100 : cell;
  // A day as a date at midnight UTC: Excel's serial date of exactly that day.
  if (type === "date" && /^\d{4}-\d{2}-\d{2}$/u.test(cell)) return new Date(`${cell}T00:00:00Z`);
  // Always a string value, never a formula; characters XML cannot carry are escaped.
  return toCellText(cell);
}

/** A sheet's name as Excel allows it: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/gu, " ")
      .slice(0, 31)
      .trim() || "Лист1"
  );
}

function columnLayout(column: ColumnHead): Partial<ExcelJS.Column> {
  return { width: Math.max(WIDTHS[column.type], Math.min(column.header.length + 2, 60)), style: STYLES[column.type] };
}

/**
 * The table as an XLSX workbook streamed into `output`: one sheet, the header bold
 * and frozen with a filter on it, each row committed as it is written, so that the
 * workbook is never held in memory; stops early when the reader goes away.
 */
export async function writeXlsxTable(table: ExportTable, output: Writable): Promise<void> {
  // Shared strings would keep every distinct text of the export in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  sheet.columns = table.columns.map(columnLayout);
  const header = sheet.addRow(table.columns.map((c) => toCellText(c.header)));
  header.font = { bold: true };
  header.commit();
  for await (const rows of table.batches) {
    if (output.destroyed) return;
    for (const cells of rows) sheet.addRow(cells.map((cell, i) => xlsxCell(table.columns[i]!.type, cell))).commit();
    await drained(output);
  }
  sheet.commit();
  await workbook.commit();
}
