import fs from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/server/db/migrate";
import { diffSchemas, isEmptyDiff } from "@/lib/server/db/schema-diff";
import { SCHEMA_FILE, SNAPSHOT_FILE } from "@/lib/server/db/schema-files";
import { describeSchema } from "../support/catalog";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "../support/databases";

const fromMigrations = uniqueDatabaseName("eq_mig");
const fromSchema = uniqueDatabaseName("eq_schema");
afterAll(async () => {
  await dropDatabase(inject("testServerUrl"), fromMigrations);
  await dropDatabase(inject("testServerUrl"), fromSchema);
});

const schema = { path: SCHEMA_FILE, content: fs.readFileSync(SCHEMA_FILE, "utf8") };

describe("migrations and schema agree", () => {
  it("the database built from the migrations equals the one built from the whole schema", async () => {
    const migratedUrl = await recreateDatabase(inject("testServerUrl"), fromMigrations);
    await migrate({ databaseUrl: migratedUrl });

    const schemaUrl = await recreateDatabase(inject("testServerUrl"), fromSchema);
    const sql = await diffSchemas({ from: null, to: schema, databaseUrl: schemaUrl });
    const client = new pg.Client({ connectionString: schemaUrl });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([describeSchema(migratedUrl), describeSchema(schemaUrl)]);
    expect(a.columns.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  }, 120_000);

  it("no schema change is waiting for a migration (run `npm run db:migration -- <name>`)", async () => {
    const snapshot = { path: SCHEMA_FILE, content: fs.readFileSync(SNAPSHOT_FILE, "utf8") };
    const sql = await diffSchemas({ from: snapshot, to: schema, databaseUrl: inject("testServerUrl") });
    expect(isEmptyDiff(sql), sql).toBe(true);
  }, 120_000);
});
