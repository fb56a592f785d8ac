import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The advisory lock key Prisma's own migrate uses, so both never run at once. */
export const PRISMA_MIGRATE_LOCK = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in order, as Prisma does. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`);
      const sql = fs.readFileSync(file, "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

// Same table Prisma creates, so `prisma migrate deploy` elsewhere agrees with us.
export const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations, each in its own transaction. Idempotent; refuses
 * (before applying anything) when an applied migration's file has changed, is
 * missing, or a previous run left a failed migration behind.
 *
 * Safe behind PgBouncer in transaction mode, where a session-level advisory lock would be
 * taken on one server connection and released on another: each migration's transaction takes
 * the lock for itself (pg_advisory_xact_lock, released at its COMMIT or ROLLBACK), reads the
 * history under it and applies the first pending migration, if any. Runners started together
 * (several instances) wait for each other's transaction and then find its migration applied,
 * so each migration is applied exactly once and in order. The key is the one Prisma's own
 * migrate takes at session level, which conflicts with ours.
 */
export async function migrate(options: { databaseUrl: string; dir?: string; log?: (line: string) => void }): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const applied: string[] = [];
    for (let name = await applyNext(client, migrations, options.log); name !== null; ) {
      applied.push(name);
      name = await applyNext(client, migrations, options.log);
    }
    return { applied, alreadyApplied: migrations.map((m) => m.name).filter((name) => !applied.includes(name)) };
  } finally {
    await client.end();
  }
}
function checkHistory(migrations: MigrationFile[], applied: Map<string, AppliedRow>) {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied.values()) {
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed in an earlier run and was not rolled back; fix the database and mark it rolled back before migrating again`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied to the database but its folder is missing from ${MIGRATIONS_DIR}`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied (checksum ${file.checksum.slice(0, 12)}… differs from the applied ${row.checksum.slice(0, 12)}…). Restore the file and put the change in a new migration.`,
      );
    }
  }
}

/** Under the lock, in one transaction: checks the history and applies the first pending migration; its name, or null. */
async function applyNext(client: pg.Client, migrations: MigrationFile[], log?: (line: string) => void): Promise<string | null> {
  await client.query("BEGIN");
  let migration: MigrationFile | undefined;
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(BOOKKEEPING_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    checkHistory(migrations, applied);
    migration = migrations.find((m) => !applied.has(m.name));
    if (!migration) {
      await client.query("COMMIT");
      return null;
    }
    log?.(`Applying migration ${migration.name}`);
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
    return migration.name;
  } catch (error) {
    await client.query("ROLLBACK");
    if (!migration || error instanceof MigrationError) throw error;
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
