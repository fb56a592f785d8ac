import "server-only";
import type pg from "pg";

/** The app's schema. pg-boss keeps its queue in `pgboss`, which backups leave out. */
export const APP_SCHEMA = "public";
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const tableRef = (table: string) => `${quoteIdent(APP_SCHEMA)}.${quoteIdent(table)}`;

/**
 * Fixed text forms for COPY on both sides, whatever the server's or the role's
 * defaults (as pg_dump does): ISO dates in UTC, floats that read back exactly.
 * Inside the caller's transaction (SET LOCAL): behind PgBouncer in transaction mode a
 * session's SET would change a server connection that other clients then get.
 */
export async function setCopySession(client: pg.Client) {
  await client.query(
    "SET LOCAL client_encoding = 'UTF8'; SET LOCAL DateStyle = ISO; SET LOCAL IntervalStyle = postgres; SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3",
  );
}

export interface AppTable {
  name: string;
  /** Stored columns in their order in the table; generated columns are left out (COPY cannot write them). */
  columns: string[];
}

/**
 * Every ordinary table of the app's schema, parents before children (a table
 * after every table its foreign keys point to; self-references aside), so that
 * loading in this order satisfies foreign keys even where they are checked.
 */
export async function listAppTables(client: pg.Client): Promise<AppTable[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
    [APP_SCHEMA],
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND child.relnamespace = $1::regnamespace AND parent.relnamespace = $1::regnamespace
        AND child.oid <> parent.oid`,
    [APP_SCHEMA],
  );
  const tables = new Map<string, string[]>();
  for (const { table, column } of columns) tables.set(table, [...(tables.get(table) ?? []), column]);
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references) parents.set(child, (parents.get(child) ?? new Set()).add(parent));

  // Depth-first topological order; names sorted so the order is the same on every run.
  const ordered: AppTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    // A cycle of foreign keys between tables (none in this schema): break it here; with
    // triggers off (see restore-backup.ts) the order does not matter anyway.
    if (state.get(name) === "visiting") return;
    state.set(name, "visiting");
    for (const parent of [...(parents.get(name) ?? [])].sort()) if (tables.has(parent)) visit(parent);
    state.set(name, "done");
    ordered.push({ name, columns: tables.get(name) ?? [] });
  };
  // The migrations' bookkeeping first: it says which schema the rest belongs to.
  if (tables.has(MIGRATIONS_TABLE)) visit(MIGRATIONS_TABLE);
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}
