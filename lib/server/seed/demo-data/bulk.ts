import "server-only";
import type { Tx } from "./types";

/** Rows per INSERT: a few megabytes of JSON at most, one round trip each. */
export const CHUNK = 5_000;

export { uuid7 } from "@/lib/server/db/uuid7";

/** A table to fill in bulk: its columns with the SQL type each is read as, and columns set by an expression. */
export interface BulkTable {
  table: string;
  /** Column → SQL type (`uuid`, `text`, `date`, `"BlankStatus"`, `jsonb`, `text[]`, …). */
  columns: Record<string, string>;
  /** Column → SQL expression the same for every row (`now()`). */
  constants?: Record<string, string>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function insertSql(spec: BulkTable): string {
  const columns = Object.keys(spec.columns);
  const constants = Object.entries(spec.constants ?? {});
  const target = [...columns, ...constants.map(([c]) => c)].map(quote).join(", ");
  const values = [...columns.map((c) => `r.${quote(c)}`), ...constants.map(([, expression]) => expression)].join(", ");
  const record = columns.map((c) => `${quote(c)} ${spec.columns[c]}`).join(", ");
  return `INSERT INTO ${quote(spec.table)} (${target}) SELECT ${values} FROM json_to_recordset($1::json) AS r(${record})`;
}

/**
 * Inserts rows in chunks, each one statement that reads the whole chunk from a
 * single JSON parameter (`INSERT … SELECT FROM json_to_recordset($1)`): no
 * per-row bind parameters and no ORM work per row, which is what makes a
 * national scale load in minutes. Keys missing from a row, and JSON nulls,
 * become SQL NULLs; dates are given as ISO strings, array columns as JSON arrays.
 */
export async function insertRows(
  tx: Tx,
  spec: BulkTable,
  rows: readonly object[],
  label: string,
  log: (line: string) => void,
): Promise<number> {
  const sql = insertSql(spec);
  let done = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    done += await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + CHUNK)));
    if (rows.length > CHUNK) log(`  ${label}: ${done}/${rows.length}`);
  }
  if (rows.length <= CHUNK) log(`  ${label}: ${done}`);
  return done;
}

/** A date column's value: the day of a `Date` (UTC) or of an ISO string. */
export function day(value: Date | string): string {
  return (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
}
