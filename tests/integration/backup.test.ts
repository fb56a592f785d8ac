import { createHash, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { extract as tarExtract, pack as tarPack } from "tar-stream";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { createBackup } from "@/lib/server/backup/create-backup";
import type { Manifest } from "@/lib/server/backup/manifest";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { db } from "@/lib/server/db/client";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/server/db/migrate";
import { s3Storage } from "@/lib/server/files/s3-storage";
import { localDiskStorage, newStorageKey, type StorageDriver } from "@/lib/server/files/storage";
import { storeFile } from "@/lib/server/files/store-file";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { runCli } from "../support/cli";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "../support/databases";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { pdfSample, pngSample } from "../support/file-samples";
import { scopeOf } from "../support/scope";
import { useTestDatabase } from "../support/test-database";

// Each database gets a storage folder of its own; the source's is the configured one.
const work = mkdtempSync(path.join(os.tmpdir(), "metodaudit-backup-"));
const sourceFiles = path.join(work, "files-source");
vi.stubEnv("STORAGE_DRIVER", "local");
vi.stubEnv("STORAGE_DIR", sourceFiles);
afterAll(() => rm(work, { recursive: true, force: true }));

const sourceUrl = useTestDatabase();

const databases: string[] = [];
/** A database with nothing in it, as on a new machine. */
async function freshDatabase(): Promise<string> {
  const name = uniqueDatabaseName("restore");
  databases.push(name);
  return recreateDatabase(inject("testServerUrl"), name);
}
afterAll(async () => {
  for (const name of databases) await dropDatabase(inject("testServerUrl"), name);
});

const cli = (args: string[], env: { DATABASE_URL: string; STORAGE_DIR: string }) =>
  runCli(args, { STORAGE_DRIVER: "local", ...env }, 180_000);

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every table's row count and the md5 of its rows in a fixed order, and the schema's indexes, constraints and triggers. */
async function fingerprint(url: string): Promise<Record<string, unknown>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
    );
    const result: Record<string, unknown> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5 FROM public."${name}" t`,
      );
      result[name] = rows[0];
    }
    result["(indexes)"] = (await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")).rows;
    result["(constraints)"] = (
      await client.query(
        "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
      )
    ).rows;
    result["(triggers)"] = (await client.query("SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")).rows;
    return result;
  });
}

const publicTables = (url: string) =>
  withClient(url, async (client) =>
    Number((await client.query("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")).rows[0].count),
  );

async function storedFiles(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ storageKey: string; sha256: string }>(
      'SELECT "storageKey", sha256 FROM "StoredFile" ORDER BY "storageKey"',
    );
    return rows;
  });
}

const bytesIn = (root: string, key: string) => readFileSync(path.join(root, ...key.split("/")));
const filesIn = (root: string) =>
  existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;

/** The archive's entries in memory (the test's archives are a few megabytes), for damaging them on purpose. */
async function readEntries(file: string): Promise<{ name: string; data: Buffer }[]> {
  const extract = tarExtract();
  const entries: { name: string; data: Buffer }[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(readFileSync(file)));
  await reading;
  return entries;
}

async function writeEntries(file: string, entries: { name: string; data: Buffer }[]) {
  const pack = tarPack();
  for (const entry of entries) pack.entry({ name: entry.name }, entry.data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  writeFileSync(file, gzipSync(Buffer.concat(chunks)));
}

/** A copy of the archive with one entry changed. */
async function tamper(from: string, to: string, name: string, change: (data: Buffer) => Buffer) {
  const entries = await readEntries(from);
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  entry.data = change(entry.data);
  await writeEntries(to, entries);
}

const changeManifest = (change: (manifest: Manifest) => void) => (data: Buffer) => {
  const manifest = JSON.parse(data.toString("utf8")) as Manifest;
  change(manifest);
  return Buffer.from(JSON.stringify(manifest));
};

const archive = path.join(work, "demo.tar.gz");
let source: Record<string, unknown>;

beforeAll(async () => {
  await seedDemo({ db: db() });
  const admin = await db().user.findUniqueOrThrow({
    where: { email: "admin@demo.local" },
    include: { memberships: { include: { region: true } } },
  });
  const regionId = admin.memberships[0]!.regionId!;
  const scope = scopeOf(admin.id, [{ role: "REGION_ADMIN", regionId }]);
  const owner = { regionId, municipalityId: null, organizationId: null };
  await storeFile({ scope, owner, name: "Приказ № 1.pdf", bytes: pdfSample("Приказ № 1"), allowed: ALL_FILE_KINDS });
  await storeFile({ scope, owner, name: "Логотип.png", bytes: pngSample(), allowed: ALL_FILE_KINDS });
  // Text that COPY must escape, in a table whose trigger refuses updates and deletes.
  await withClient(sourceUrl(), (client) =>
    client.query(
      `INSERT INTO "AuditEvent" (id, "actorName", action, entity, "entityId", after)
       VALUES ($1, $2, 'CREATE', 'Backup', 'edge', $3::jsonb)`,
      [randomUUID(), "Таб\tперевод\nстроки \\ «кавычки» 'и' \"так\"", JSON.stringify({ text: "a\\nb\r\n\t€", n: 1.1 })],
    ),
  );
  source = await fingerprint(sourceUrl());
}, 180_000);

describe("backup and restore", () => {
  it("backs up through the command line and restores into a fresh database with every row and file", async () => {
    const backup = cli(["backup", "--out", archive], { DATABASE_URL: sourceUrl(), STORAGE_DIR: sourceFiles });
    expect(backup.stdout ? "" : backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const made = JSON.parse(backup.stdout);
    const tables = Object.keys(source).filter((name) => !name.startsWith("("));
    expect(made).toEqual({
      out: archive,
      bytes: readFileSync(archive).byteLength,
      tables: tables.length,
      rows: tables.reduce((sum, name) => sum + (source[name] as { rows: number }).rows, 0),
      files: 2,
    });
    expect(made.rows).toBeGreaterThan(1000);

    // An existing archive is kept unless --force.
    const again = cli(["backup", "--out", archive], { DATABASE_URL: sourceUrl(), STORAGE_DIR: sourceFiles });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/^Error: .*already exists; pass --force/);

    const target = await freshDatabase();
    const targetFiles = path.join(work, "files-fresh");
    const restore = cli(["restore", archive], { DATABASE_URL: target, STORAGE_DIR: targetFiles });
    expect(restore.stdout ? "" : restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toEqual({
      restored: archive,
      tables: made.tables,
      rows: made.rows,
      files: 2,
      migrated: [],
    });

    expect(await fingerprint(target)).toEqual(source);
    const files = await storedFiles(target);
    expect(files).toHaveLength(2);
    for (const file of files) expect(bytesIn(targetFiles, file.storageKey).equals(bytesIn(sourceFiles, file.storageKey))).toBe(true);
    expect(filesIn(targetFiles)).toBe(2);
    // The restored database is an ordinary one: nothing left for the runner to do.
    expect(await migrate({ databaseUrl: target })).toMatchObject({ applied: [] });
  }, 300_000);

  it("refuses a database that holds data without --force, and replaces it with --force", async () => {
    const target = await freshDatabase();
    await migrate({ databaseUrl: target });
    const region = randomUUID();
    await withClient(target, (client) =>
      client.query(`INSERT INTO "Region" (id, code, name) VALUES ($1, '99', 'Лишний регион')`, [region]),
    );
    const before = await fingerprint(target);

    const refused = cli(["restore", archive], { DATABASE_URL: target, STORAGE_DIR: path.join(work, "files-refused") });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^Error: The database already holds data .*restore --force/);
    expect(await fingerprint(target)).toEqual(before);

    // Over the source's own storage: the files are there already, byte for byte.
    const replaced = await restoreBackup({ databaseUrl: target, file: archive, force: true, storage: localDiskStorage(sourceFiles) });
    expect(replaced).toMatchObject({ files: 2, migrated: [] });
    expect(await fingerprint(target)).toEqual(source);
    expect(filesIn(sourceFiles)).toBe(2);
  }, 120_000);

  it("refuses a damaged archive and leaves the database and the storage as they were", async () => {
    const empty = await freshDatabase();
    const full = await freshDatabase();
    const fullFiles = path.join(work, "files-full");
    await restoreBackup({ databaseUrl: full, file: archive, storage: localDiskStorage(fullFiles) });
    const emptyFiles = path.join(work, "files-empty");
    const restore = (file: string, url: string, root: string) =>
      restoreBackup({ databaseUrl: url, file, force: true, storage: localDiskStorage(root) });

    const truncated = path.join(work, "truncated.tar.gz");
    const bytes = readFileSync(archive);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.byteLength * 0.6)));

    const flipped = path.join(work, "flipped.tar.gz");
    await tamper(archive, flipped, "data/Region.copy", (data) =>
      Buffer.from(data.toString("utf8").replace("Краснодарский", "Краснодарскии")),
    );

    const badFile = path.join(work, "bad-file.tar.gz");
    const [firstFile] = await storedFiles(sourceUrl());
    await tamper(archive, badFile, `files/${firstFile!.storageKey}`, (data) => Buffer.concat([data.subarray(0, -1), Buffer.from("X")]));

    const noManifest = path.join(work, "no-manifest.tar.gz");
    await writeEntries(
      noManifest,
      (await readEntries(archive)).filter((entry) => entry.name !== "manifest.json"),
    );

    for (const [file, message] of [
      [truncated, /damaged or incomplete/],
      [flipped, /checksum of data\/Region\.copy does not match/],
      [badFile, /checksum of files\/.* does not match/],
      [noManifest, /no manifest\.json/],
    ] as const) {
      await expect(restore(file, empty, emptyFiles), file).rejects.toThrow(message);
      expect(await publicTables(empty)).toBe(0);
      expect(filesIn(emptyFiles)).toBe(0);
      await expect(restore(file, full, fullFiles), file).rejects.toThrow(message);
      expect(await fingerprint(full)).toEqual(source);
    }

    // Through the command line: the same refusal on stderr, exit 1.
    const result = cli(["restore", truncated], { DATABASE_URL: empty, STORAGE_DIR: emptyFiles });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Error: The archive .* is damaged or incomplete/m);
  }, 180_000);

  it("rolls everything back when a table fails to load, files written so far included", async () => {
    // Checksums that agree with a row PostgreSQL refuses: the failure comes mid-load, after the files.
    const invalid = path.join(work, "invalid-row.tar.gz");
    const entries = await readEntries(archive);
    const region = entries.find((entry) => entry.name === "data/Region.copy")!;
    region.data = Buffer.concat([region.data, Buffer.from("not-a-uuid\t77\tНет\t2024-01-01 00:00:00+00\n")]);
    const manifestEntry = entries.find((entry) => entry.name === "manifest.json")!;
    manifestEntry.data = changeManifest((manifest) => {
      const table = manifest.tables.find((t) => t.name === "Region")!;
      expect(table.columns).toEqual(["id", "code", "name", "createdAt"]);
      table.rows += 1;
      table.bytes = region.data.byteLength;
      table.sha256 = createHash("sha256").update(region.data).digest("hex");
    })(manifestEntry.data);
    await writeEntries(invalid, entries);

    const empty = await freshDatabase();
    const emptyFiles = path.join(work, "files-rollback");
    await expect(restoreBackup({ databaseUrl: empty, file: invalid, storage: localDiskStorage(emptyFiles) })).rejects.toThrow(
      /invalid input syntax for type uuid/,
    );
    expect(await publicTables(empty)).toBe(0);
    expect(filesIn(emptyFiles)).toBe(0);
  }, 120_000);

  it("restores as a role that is not a superuser: triggers stay on, foreign keys hold by the load order", async () => {
    const admin = inject("testServerUrl");
    const allowed = await withClient(admin, async (client) =>
      Boolean((await client.query("SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user")).rows[0]?.ok),
    );
    if (!allowed) return; // a DATABASE_URL whose role may not create roles
    const role = uniqueDatabaseName("plain");
    const name = uniqueDatabaseName("restore");
    await withClient(admin, async (client) => {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'plain-password'`);
      await client.query(`CREATE DATABASE ${name} OWNER ${role}`);
    });
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      url.username = role;
      url.password = "plain-password";
      const lines: string[] = [];
      const root = path.join(work, "files-plain");
      await restoreBackup({ databaseUrl: url.toString(), file: archive, storage: localDiskStorage(root), log: (line) => lines.push(line) });
      expect(lines).toContain("Not a superuser: foreign keys are checked as the rows load (slower)");
      expect(await fingerprint(url.toString())).toEqual(source);
    } finally {
      await withClient(admin, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${role}`);
      });
    }
  }, 120_000);

  it("refuses an archive made by a newer version of the app", async () => {
    const newer = path.join(work, "newer.tar.gz");
    await tamper(
      archive,
      newer,
      "manifest.json",
      changeManifest((manifest) => manifest.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64) })),
    );
    const empty = await freshDatabase();
    const result = cli(["restore", newer], { DATABASE_URL: empty, STORAGE_DIR: path.join(work, "files-newer") });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer version of the app: its migration 29991231000000_from_the_future is not in prisma\/migrations/);
    expect(await publicTables(empty)).toBe(0);
  }, 120_000);

  it("restores an archive of an older schema, then migrates it forward", async () => {
    // A database at the second migration, with a row, a file and a row whose file is lost.
    const all = readMigrations();
    const oldDir = path.join(work, "old-migrations");
    mkdirSync(oldDir);
    for (const migration of all.slice(0, 2))
      cpSync(path.join(MIGRATIONS_DIR, migration.name), path.join(oldDir, migration.name), { recursive: true });
    const old = await freshDatabase();
    await migrate({ databaseUrl: old, dir: oldDir });
    const oldFiles = path.join(work, "files-old");
    const storage = localDiskStorage(oldFiles);
    const kept = newStorageKey();
    const lost = newStorageKey();
    const pdf = pdfSample("Старый файл");
    await storage.put(kept, pdf);
    const regionId = randomUUID();
    await withClient(old, async (client) => {
      await client.query(`INSERT INTO "Region" (id, code, name) VALUES ($1, '77', 'Старый регион')`, [regionId]);
      for (const key of [kept, lost]) {
        await client.query(
          `INSERT INTO "StoredFile" (id, "regionId", name, "mimeType", size, sha256, "storageKey") VALUES ($1, $2, 'a.pdf', 'application/pdf', $3, $4, $5)`,
          [randomUUID(), regionId, pdf.byteLength, createHash("sha256").update(pdf).digest("hex"), key],
        );
      }
    });
    const oldArchive = path.join(work, "old.tar.gz");
    const lines: string[] = [];
    const made = await createBackup({ databaseUrl: old, out: oldArchive, storage, log: (line) => lines.push(line) });
    expect(made).toMatchObject({ files: 1, missingFiles: [lost] });
    expect(lines.join("\n")).toContain(`${lost}) is missing from storage`);

    const target = await freshDatabase();
    const targetFiles = path.join(work, "files-old-restored");
    const restored = await restoreBackup({ databaseUrl: target, file: oldArchive, storage: localDiskStorage(targetFiles) });
    expect(restored).toMatchObject({ files: 1, migrated: all.slice(2).map((migration) => migration.name) });
    expect(bytesIn(targetFiles, kept).equals(pdf)).toBe(true);
    await withClient(target, async (client) => {
      expect((await client.query(`SELECT name FROM "Region" WHERE id = $1`, [regionId])).rows).toEqual([{ name: "Старый регион" }]);
      expect(Number((await client.query(`SELECT count(*) FROM "StoredFile"`)).rows[0].count)).toBe(2);
      expect(Number((await client.query(`SELECT count(*) FROM "_prisma_migrations"`)).rows[0].count)).toBe(all.length);
    });
    // The same schema as a database migrated from scratch.
    const scratch = await freshDatabase();
    await migrate({ databaseUrl: scratch });
    const schemaOf = async (url: string) => {
      const print = await fingerprint(url);
      return [print["(indexes)"], print["(constraints)"], print["(triggers)"]];
    };
    expect(await schemaOf(target)).toEqual(await schemaOf(scratch));
  }, 120_000);
});

describe("backup and restore with files in S3", () => {
  let s3: FakeS3;
  let bucket: (name: string) => StorageDriver;
  beforeAll(async () => {
    s3 = await startFakeS3({ directory: path.join(work, "s3"), buckets: ["files-a", "files-b"] });
    bucket = (name) => s3Storage(s3.settings(name));
  });
  afterAll(() => s3.close());

  const bytesOf = async (driver: StorageDriver, key: string) => buffer(await driver.read(key));

  it("reads the files from one bucket and writes them into another", async () => {
    // The demo archive restored with its files in bucket A, backed up from there, restored into bucket B.
    const first = await freshDatabase();
    await restoreBackup({ databaseUrl: first, file: archive, storage: bucket("files-a") });
    const fromS3 = path.join(work, "from-s3.tar.gz");
    expect(await createBackup({ databaseUrl: first, out: fromS3, storage: bucket("files-a") })).toMatchObject({ files: 2 });
    const second = await freshDatabase();
    expect(await restoreBackup({ databaseUrl: second, file: fromS3, storage: bucket("files-b") })).toMatchObject({ files: 2 });

    expect(await fingerprint(second)).toEqual(source);
    for (const file of await storedFiles(second)) {
      expect((await bytesOf(bucket("files-b"), file.storageKey)).equals(bytesIn(sourceFiles, file.storageKey))).toBe(true);
    }
  }, 120_000);
});
