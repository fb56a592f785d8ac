import type { Writable } from "node:stream";
import { formatDate } from "@/lib/dates";
import { CSV_BOM, csvLine, csvNumber, neutraliseFormula, quoteField } from "@/lib/domain/directory/csv";
import type { Cell, ColumnType, ExportTable } from "./columns";
import { drained } from "./drained";

const SEPARATOR = ";";

/**
 * A cell as a CSV field. Numbers and percents are typed cells: written with a
 * decimal comma and never neutralised, so that -5 stays a number. Text (and a
 * date, as ДД.ММ.ГГГГ) that a spreadsheet would take for a formula — starting
 * with = + - @, a tab or a carriage return — gets an apostrophe in front, as
 * OWASP's "CSV Injection" advises: Excel shows it as text and hides the apostrophe.
 */
export function csvField(type: ColumnType, cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    return type === "percent" ? `${csvNumber(cell)}%` : csvNumber(cell);
  }
  return quoteField(neutraliseFormula(type === "date" ? formatDate(cell) : cell), SEPARATOR);
}

/**
 * The table as a CSV file for Russian Excel (see lib/domain/directory/csv.ts), written
 * into `output` a batch at a time; stops early when the reader goes away.
 */
export async function writeCsvTable(table: ExportTable, output: Writable): Promise<void> {
  output.write(
    CSV_BOM +
      csvLine(
        table.columns.map((c) => c.header),
        SEPARATOR,
      ),
  );
  for await (const rows of table.batches) {
    if (output.destroyed) return;
    output.write(rows.map((cells) => `${cells.map((cell, i) => csvField(table.columns[i]!.type, cell)).join(SEPARATOR)}\r\n`).join(""));
    await drained(output);
  }
  output.end();
}
