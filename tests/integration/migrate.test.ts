import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/server/db/migrate";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "../support/databases";
import { runCli } from "../support/cli";
import { runNode } from "../support/db-locks";

const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = uniqueDatabaseName("mig");
  created.push(name);
  return recreateDatabase(inject("testServerUrl"), name);
}
afterAll(async () => {
  for (const name of created) await dropDatabase(inject("testServerUrl"), name);
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

let dir: string;
beforeEach(() => {
  dir = copyMigrations();
});

describe("migration runner", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const result = await migrate({ databaseUrl: url, dir });
    const names = readMigrations(dir).map((m) => m.name);
    expect(result.applied).toEqual(names);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Membership", "Organization"]));
  });

  it("is idempotent: a second run applies nothing", async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, dir });
    const again = await migrate({ databaseUrl: url, dir });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(readMigrations(dir).map((m) => m.name));
  });

  it("applies only the new migration when one is added", async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, dir });
    fs.mkdirSync(path.join(dir, "99990101000000_add_note"));
    fs.writeFileSync(path.join(dir, "99990101000000_add_note", "migration.sql"), `ALTER TABLE "Region" ADD COLUMN "note" TEXT;`);
    const result = await migrate({ databaseUrl: url, dir });
    expect(result.applied).toEqual(["99990101000000_add_note"]);
  });

  it("refuses, changing nothing, when an applied migration's file was edited", async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, dir });
    const first = readMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    fs.mkdirSync(path.join(dir, "99990101000000_pending"));
    fs.writeFileSync(path.join(dir, "99990101000000_pending", "migration.sql"), `CREATE TABLE "ShouldNotExist" (id int);`);
    await expect(migrate({ databaseUrl: url, dir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'ShouldNotExist'`);
    expect(tables).toHaveLength(0);
  });

  it("refuses when an applied migration's folder is missing", async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, dir });
    const first = readMigrations(dir)[0]!;
    fs.rmSync(path.join(dir, first.name), { recursive: true });
    await expect(migrate({ databaseUrl: url, dir })).rejects.toThrow(/folder is missing/);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, dir });
    fs.mkdirSync(path.join(dir, "99990101000000_broken"));
    fs.writeFileSync(
      path.join(dir, "99990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;`,
    );
    await expect(migrate({ databaseUrl: url, dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`)).toHaveLength(0);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`)).toHaveLength(0);
  });

  it("serialises concurrent runners: each migration is applied once", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([0, 1, 2].map(() => migrate({ databaseUrl: url, dir })));
    const names = readMigrations(dir).map((m) => m.name);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    // Each runner reports every migration, as applied by itself or by another.
    for (const result of results) expect([...result.applied, ...result.alreadyApplied].sort()).toEqual(names);
  });
});

describe("three instances starting together on an empty database", () => {
  it("apply each migration once, load the demo once and install the queue once; the others wait and find them done", async () => {
    // Each its own process, as instances are: the locks are the database's, not a process's.
    const url = await freshDatabase();
    const runs = await Promise.all([0, 1, 2].map(() => runNode("tests/support/prepare-child.ts", [], url)));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });

    const names = readMigrations().map((m) => m.name);
    const applied = runs.flatMap((run) => [...run.stdout.matchAll(/^Applying migration (\S+)$/gm)].map((m) => m[1]));
    expect(applied.sort()).toEqual(names);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);

    expect(runs.filter((run) => run.stdout.includes("Empty database: loading the demo data"))).toHaveLength(1);
    const campaigns = await query<{ count: number }>(
      url,
      `SELECT count(*)::int AS count FROM "Campaign" WHERE name = '${SEED_CAMPAIGN.name.replaceAll("'", "''")}'`,
    );
    expect(campaigns[0]?.count).toBe(1);

    // The job queue's tables, installed once, so that every instance can enqueue (and is ready) at once.
    expect(runs.filter((run) => run.stdout.includes("Installing the job queue's tables"))).toHaveLength(1);
    const queue = await query<{ version: number }>(url, "SELECT version FROM pgboss.version");
    expect(queue).toHaveLength(1);
  });
});

describe("DIRECT_DATABASE_URL", () => {
  it("is where the command line migrates when DATABASE_URL is a pool that cannot take a session's work", async () => {
    const direct = await freshDatabase();
    // Nothing listens there: a migration through DATABASE_URL would fail to connect.
    const pooled = "postgresql://postgres@127.0.0.1:1/metodaudit";
    const run = runCli(["db", "migrate"], { DATABASE_URL: pooled, DIRECT_DATABASE_URL: direct });
    expect(run.code, run.stderr).toBe(0);
    const rows = await query<{ migration_name: string }>(direct, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(readMigrations().length);
  });
});
