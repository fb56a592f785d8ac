import type { Writable } from "node:stream";
import { formatDate } from "@/lib/dates";
import { CSV_BOM, csvLine, csvNumber } from "@/lib/directory/csv";
import type { Cell, ColumnType, ExportTable } from "./columns";
import { drained } from "./drained";

/** A cell as CSV text: a date as ДД.ММ.ГГГГ, a percent with its sign; text is neutralised by csvLine. */
function csvCell(type: ColumnType, cell: Cell): string | number {
  if (cell === null) return "";
  if (type === "date" && typeof cell === "string") return formatDate(cell);
  if (type === "percent" && typeof cell === "number") return `${csvNumber(cell)}%`;
  return cell;
}

/**
 * The table as a CSV file for Russian Excel (see lib/directory/csv.ts), written
 * into `output` a batch at a time; stops early when the reader goes away.
 */
export async function writeCsvTable(table: ExportTable, output: Writable): Promise<void> {
  output.write(CSV_BOM + csvLine(table.columns.map((c) => c.header)));
  for await (const rows of table.batches) {
    if (output.destroyed) return;
    output.write(rows.map((cells) => csvLine(cells.map((cell, i) => csvCell(table.columns[i]!.type, cell)))).join(""));
    await drained(output);
  }
  output.end();
}
