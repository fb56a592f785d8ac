/**
 * The columns of a list's export: the same headers as the list's table on screen
 * (the table takes its headers from here), each with a cell type, so that the
 * XLSX file holds dates as dates and numbers as numbers. Pure.
 */

export type ColumnType = "text" | "number" | "date" | "percent";

/** A cell: text; a number (a percent counted in percent, 0–100); a date as "YYYY-MM-DD"; null when empty. */
export type Cell = string | number | null;

export interface ColumnHead {
  header: string;
  type: ColumnType;
}

export interface ExportColumn<R> extends ColumnHead {
  value(row: R): Cell;
}

/** Column builders for rows of type R; each one fixes what its cells may hold. */
export function columnsFor<R>() {
  return {
    text: (header: string, value: (row: R) => string | null): ExportColumn<R> => ({ header, type: "text", value }),
    number: (header: string, value: (row: R) => number | null): ExportColumn<R> => ({ header, type: "number", value }),
    percent: (header: string, value: (row: R) => number | null): ExportColumn<R> => ({ header, type: "percent", value }),
    /** `value` gives "YYYY-MM-DD". */
    date: (header: string, value: (row: R) => string | null): ExportColumn<R> => ({ header, type: "date", value }),
  };
}

/** A table ready to be written: its name, its columns and its rows as cells, a batch at a time. */
export interface ExportTable {
  title: string;
  columns: readonly ColumnHead[];
  batches: AsyncIterable<Cell[][]>;
}

export function exportTable<R>(title: string, columns: readonly ExportColumn<R>[], batches: AsyncIterable<R[]>): ExportTable {
  return {
    title,
    columns: columns.map(({ header, type }) => ({ header, type })),
    batches: cellBatches(columns, batches),
  };
}

async function* cellBatches<R>(columns: readonly ExportColumn<R>[], batches: AsyncIterable<R[]>): AsyncGenerator<Cell[][]> {
  for await (const rows of batches) yield rows.map((row) => columns.map((column) => column.value(row)));
}
