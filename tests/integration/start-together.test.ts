import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readMigrations } from "@/lib/server/db/migrate";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "../support/databases";
import { runNode } from "../support/db-locks";

const name = uniqueDatabaseName("together");
afterAll(async () => {
  await dropDatabase(inject("testServerUrl"), name);
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

describe("three instances starting together on an empty database", () => {
  it("apply each migration once and load the demo once; the others wait and find them done", async () => {
    // Each its own process, as instances are: the locks are the database's, not a process's.
    const url = await recreateDatabase(inject("testServerUrl"), name);
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
  });
});
