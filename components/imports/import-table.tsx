import type { ReactNode } from "react";

/** A column of an import's table: its header and what a row shows in it. */
export interface ImportColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** The rows of a file, or its problems, one a line; the caption names the table for screen readers. */
export function ImportTable<Row>(props: {
  caption: string;
  columns: ImportColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string | number;
}) {
  const last = props.columns.length - 1;
  const cellClass = (i: number) => [i === last ? "py-2" : "py-2 pr-3", props.columns[i]?.numeric ? "tabular-nums" : ""].join(" ").trim();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b border-border text-left">
            {props.columns.map((column, i) => (
              <th key={column.header} scope="col" className={i === last ? "py-2" : "py-2 pr-3"}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={props.rowKey(row, index)} className="border-b border-border align-top">
              {props.columns.map((column, i) => (
                <td key={column.header} className={cellClass(i)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
