import "server-only";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "@/lib/errors";
import { BOOKKEEPING_TABLE, migrate, PRISMA_MIGRATE_LOCK, readMigrations, type MigrationFile } from "@/lib/server/db/migrate";
import { storage as configuredStorage, type StorageDriver } from "@/lib/server/files/storage";
import { APP_SCHEMA, listAppTables, MIGRATIONS_TABLE, quoteIdent, setCopySession, tableRef } from "./app-tables";
import { DigestStream } from "./digest-stream";
import { fileEntry, tableEntry, type Manifest } from "./manifest";
import { damagedArchive, readArchive } from "./read-archive";
import { verifyBackup } from "./verify-backup";

export interface RestoreResult {
  restored: string;
  tables: number;
  rows: number;
  files: number;
  /** Migrations newer than the archive, applied after it was loaded. */
  migrated: string[];
}

/** Tables this big get a line of progress. */
const PROGRESS_ROWS = 100_000;
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/**
 * Restores a backup archive (see create-backup.ts) into the database of
 * `databaseUrl` and the storage driver:
 *
 * 1. refuses a database whose app tables hold rows, unless `force`;
 * 2. reads the whole archive once and refuses it if any entry is missing,
 *    extra, or differs from the manifest's checksums (nothing touched yet);
 * 3. refuses an archive whose migrations this app does not have (a newer
 *    schema, or another branch of it);
 * 4. in ONE transaction: empties the schema `public`, creates it by the
 *    migrations the archive was made at, loads every table with COPY (triggers
 *    and foreign-key checks off where the role may: session_replication_role =
 *    replica; AuditEvent's append-only trigger never fires — COPY only inserts),
 *    writes the files back through the storage driver, checks every table's row
 *    count and every file's checksum, and resets sequences. A failure rolls all
 *    of it back and removes the files it wrote;
 * 5. applies the migrations newer than the archive with the runner.
 *
 * pg-boss's schema is left as it is; the app re-sends queued report jobs when it starts.
 * Stop the app while restoring: its writes would otherwise wait for, then follow, the restore.
 */
export async function restoreBackup(options: {
  databaseUrl: string;
  file: string;
  /** Replace a database that holds data (and files in storage that differ from the archive's). */
  force?: boolean;
  storage?: StorageDriver;
  /** prisma/migrations by default. */
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new AppError("VALIDATION", `No backup archive ${file}`);
  const force = options.force ?? false;
  const driver = options.storage ?? configuredStorage();
  const log = options.log ?? (() => {});

  // A quick refusal before reading a big archive; checked again under the lock below.
  await withClient(options.databaseUrl, (client) => assertMayReplace(client, force));
  log(`Checking ${file}`);
  const manifest = await verifyBackup({ file });
  const plan = planMigrations(manifest, readMigrations(options.migrationsDir));

  const client = new pg.Client({ connectionString: options.databaseUrl });
  const written: string[] = [];
  try {
    await client.connect();
    await client.query("BEGIN");
    await setCopySession(client);
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await assertMayReplace(client, force);
    await client.query(`SET LOCAL search_path = ${quoteIdent(APP_SCHEMA)}`);
    await emptySchema(client);
    log(`Creating the schema at the archive's migration ${manifest.migrations.at(-1)?.name ?? "(none)"}`);
    await client.query(BOOKKEEPING_TABLE);
    for (const migration of plan.create) await client.query(migration.sql);
    const indexes = await dropIndexes(client);
    const triggersOff = await disableTriggers(client);
    if (!triggersOff) log("Not a superuser: foreign keys are checked as the rows load (slower)");

    const targets = new Map((await listAppTables(client)).map((table) => [table.name, new Set(table.columns)]));
    for (const table of manifest.tables) {
      const columns = targets.get(table.name);
      const missing = table.columns.find((column) => !columns?.has(column));
      if (!columns || missing) {
        throw new AppError(
          "VALIDATION",
          `The archive's table ${table.name}${missing && columns ? ` (column ${missing})` : ""} is not in the schema its migrations make; nothing was restored`,
        );
      }
    }

    const tables = new Map(manifest.tables.map((table) => [tableEntry(table.name), table]));
    const files = new Map(manifest.files.map((stored) => [fileEntry(stored.key), stored]));
    log(`Loading ${manifest.tables.length} tables and ${manifest.files.length} files`);
    await readArchive(file, async (entry) => {
      const table = tables.get(entry.name);
      if (table) {
        const started = Date.now();
        const digest = new DigestStream();
        const columns = table.columns.map(quoteIdent).join(", ");
        const copy = client.query(copyFrom(`COPY ${tableRef(table.name)} (${columns}) FROM STDIN`));
        await pipeline(entry.stream, digest, copy);
        const { sha256 } = digest.digest();
        if (sha256 !== table.sha256) throw changedArchive(file, entry.name);
        if (copy.rowCount !== table.rows) {
          throw new AppError(
            "VALIDATION",
            `${table.name}: loaded ${copy.rowCount} rows, the manifest says ${table.rows}; nothing was restored`,
          );
        }
        if (table.rows >= PROGRESS_ROWS) log(`  ${table.name}: ${table.rows} rows in ${seconds(started)} s`);
        return;
      }
      const stored = files.get(entry.name);
      if (!stored) return; // the manifest
      if (entry.size !== stored.size) throw changedArchive(file, entry.name);
      const chunks: Buffer[] = [];
      for await (const chunk of entry.stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      if (sha256Of(bytes) !== stored.sha256) throw changedArchive(file, entry.name);
      if (await putFile(driver, stored.key, bytes, force)) written.push(stored.key);
    });

    const indexing = Date.now();
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const definition of indexes) await client.query(definition);
    log(`Built ${indexes.length} indexes in ${seconds(indexing)} s`);

    // Every table holds exactly the rows the manifest counted.
    for (const table of manifest.tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM ${tableRef(table.name)}`);
      if (Number(rows[0]?.count) !== table.rows) {
        throw new AppError(
          "VALIDATION",
          `${table.name} holds ${rows[0]?.count} rows after loading, the manifest says ${table.rows}; nothing was restored`,
        );
      }
    }
    await resetSequences(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    for (const key of written) await driver.remove(key).catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }

  let migrated: string[] = [];
  if (plan.forward.length) {
    log(`The archive is older than this app: applying ${plan.forward.length} newer migrations`);
    try {
      migrated = (await migrate({ databaseUrl: options.databaseUrl, dir: options.migrationsDir, log })).applied;
    } catch (error) {
      throw new AppError(
        "VALIDATION",
        `The archive was restored, but migrating it forward failed: ${(error as Error).message}. Fix it and run \`db migrate\`.`,
      );
    }
  }
  return {
    restored: file,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: manifest.files.length,
    migrated,
  };
}

async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Rows in any app table (the migrations' bookkeeping aside) mean the database is in use. */
async function assertMayReplace(client: pg.Client, force: boolean) {
  if (force) return;
  const tables = (await listAppTables(client)).filter((table) => table.name !== MIGRATIONS_TABLE);
  const used: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${tableRef(table.name)}) AS used`);
    if (rows[0]?.used) used.push(table.name);
  }
  if (used.length) {
    throw new AppError(
      "VALIDATION",
      `The database already holds data (${used.length} tables with rows: ${used.slice(0, 5).join(", ")}${used.length > 5 ? ", …" : ""}); restore --force replaces it with the archive`,
    );
  }
}

/**
 * The archive's migrations must all be this app's, unchanged; the app's newer
 * ones are applied after loading. Returns those to create the schema with and those to apply after.
 */
function planMigrations(manifest: Manifest, local: MigrationFile[]) {
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const migration of manifest.migrations) {
    const mine = byName.get(migration.name);
    if (!mine) {
      throw new AppError(
        "VALIDATION",
        `The archive was made by a newer version of the app: its migration ${migration.name} is not in prisma/migrations. Restore it with the version of the app that made it (${manifest.appVersion}) or a later one; nothing was restored`,
      );
    }
    if (mine.checksum !== migration.checksum) {
      throw new AppError(
        "VALIDATION",
        `The archive's migration ${migration.name} differs from the one in prisma/migrations: the archive comes from another version of the app; nothing was restored`,
      );
    }
  }
  const inArchive = new Set(manifest.migrations.map((migration) => migration.name));
  return {
    create: local.filter((migration) => inArchive.has(migration.name)),
    forward: local.filter((migration) => !inArchive.has(migration.name)),
  };
}

/**
 * Drops everything in the schema `public` (inside the transaction, so a failure
 * brings it back) and creates it anew with its owner and grants; a fresh
 * database's empty schema is left alone.
 */
async function emptySchema(client: pg.Client) {
  const { rows } = await client.query<{ owner: string; acl: string[] | null; used: boolean }>(
    `SELECT pg_get_userbyid(n.nspowner) AS owner, n.nspacl::text[] AS acl,
            EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = n.oid)
         OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = n.oid)
         OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = n.oid) AS used
       FROM pg_namespace n WHERE n.nspname = $1`,
    [APP_SCHEMA],
  );
  const schema = rows[0];
  if (schema && !schema.used) return;
  const name = quoteIdent(APP_SCHEMA);
  if (schema) await client.query(`DROP SCHEMA ${name} CASCADE`);
  await client.query(`CREATE SCHEMA ${name}`);
  if (!schema) return;
  // Owner and grants as they were (e.g. PostgreSQL 15+'s pg_database_owner and USAGE for PUBLIC), where this role may.
  const statements = [`ALTER SCHEMA ${name} OWNER TO ${quoteIdent(schema.owner)}`];
  for (const item of schema.acl ?? []) {
    const match = /^(.*)=([A-Za-z*]*)\/.*$/.exec(item);
    if (!match) continue;
    const grantee = match[1] ? quoteIdent(match[1].replace(/^"(.*)"$/, "$1").replaceAll('""', '"')) : "PUBLIC";
    const privileges = [match[2]?.includes("U") && "USAGE", match[2]?.includes("C") && "CREATE"].filter(Boolean);
    if (privileges.length) statements.push(`GRANT ${privileges.join(", ")} ON SCHEMA ${name} TO ${grantee}`);
  }
  for (const statement of statements) await optional(client, statement);
}

/**
 * Drops the schema's indexes that no constraint needs and returns their
 * definitions: building an index once over loaded rows is several times faster
 * than keeping it up to date row by row. Primary keys and what foreign keys
 * point to stay.
 */
async function dropIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = $1::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1`,
    [APP_SCHEMA],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows.map((row) => row.definition);
}

/** Triggers (user and foreign-key ones) off for this transaction; false where the role may not (not a superuser). */
async function disableTriggers(client: pg.Client): Promise<boolean> {
  return optional(client, "SET LOCAL session_replication_role = replica");
}

/** Runs a statement inside the transaction if it may; a refusal leaves the transaction as it was. */
async function optional(client: pg.Client, statement: string): Promise<boolean> {
  await client.query("SAVEPOINT optional");
  try {
    await client.query(statement);
    await client.query("RELEASE SAVEPOINT optional");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT optional");
    return false;
  }
}

/** Sequences owned by columns of the schema continue after the largest value loaded. */
async function resetSequences(client: pg.Client) {
  const { rows } = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT seq.oid::regclass::text AS sequence, tbl.relname AS table, att.attname AS column
       FROM pg_class seq
       JOIN pg_depend dep ON dep.objid = seq.oid AND dep.classid = 'pg_class'::regclass
                         AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
       JOIN pg_class tbl ON tbl.oid = dep.refobjid
       JOIN pg_attribute att ON att.attrelid = tbl.oid AND att.attnum = dep.refobjsubid
      WHERE seq.relkind = 'S' AND seq.relnamespace = $1::regnamespace`,
    [APP_SCHEMA],
  );
  for (const { sequence, table, column } of rows) {
    const max = await client.query<{ max: string | null }>(`SELECT max(${quoteIdent(column)})::text AS max FROM ${tableRef(table)}`);
    const value = max.rows[0]?.max;
    if (value === null || value === undefined) await client.query("SELECT setval($1::regclass, 1, false)", [sequence]);
    else await client.query("SELECT setval($1::regclass, $2::bigint, true)", [sequence, value]);
  }
}

/**
 * Writes a file back unless storage already holds the same bytes under its key
 * (a restore onto the machine it was made on). Different bytes are replaced
 * only with `force`. Returns whether it wrote.
 */
async function putFile(driver: StorageDriver, key: string, bytes: Buffer, force: boolean): Promise<boolean> {
  const existing = await driver.read(key).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing) {
    const hash = createHash("sha256");
    for await (const chunk of existing) hash.update(chunk as Buffer);
    if (hash.digest("hex") === sha256Of(bytes)) return false;
    if (!force) {
      throw new AppError("VALIDATION", `Storage already holds a different file under ${key}; restore --force replaces it`);
    }
    await driver.remove(key);
  }
  await driver.put(key, bytes);
  return true;
}

const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The archive changed between the check and the load. */
const changedArchive = (file: string, entry: string) => damagedArchive(file, `${entry} changed while it was being restored`);
