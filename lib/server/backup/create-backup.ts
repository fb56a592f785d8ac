import "server-only";
import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pack as tarPack } from "tar-stream";
import { AppError } from "@/lib/errors";
import { storage as configuredStorage, type StorageDriver } from "@/lib/server/files/storage";
import { listAppTables, MIGRATIONS_TABLE, quoteIdent, setCopySession, tableRef } from "./app-tables";
import { appVersion } from "./app-version";
import { spool } from "./digest-stream";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, fileEntry, MANIFEST_ENTRY, tableEntry, type Manifest } from "./manifest";

export interface BackupResult {
  out: string;
  /** The archive's size. */
  bytes: number;
  tables: number;
  rows: number;
  files: number;
  /** Stored files whose bytes were missing from storage (their rows are backed up all the same). */
  missingFiles?: string[];
}

/** Files are read from storage in batches of this many rows of StoredFile. */
const FILE_BATCH = 500;
/** Tables this big get a line of progress. */
const PROGRESS_ROWS = 100_000;

/**
 * Writes a backup archive (see manifest.ts): every table of the schema
 * `public` and every stored file, as of one snapshot (a REPEATABLE READ, READ
 * ONLY transaction: the rows of every table agree with each other, and the files
 * are those the rows name). pg-boss's schema is left out: its jobs are
 * transient, and the app re-sends every queued report job when it starts.
 *
 * Everything streams: each table's COPY and each file is spooled to a
 * temporary file next to `out` (a tar entry needs its size before its bytes),
 * then appended to the gzip'ed tar, so memory stays flat whatever the size of
 * the data. The archive appears under `out` only once complete.
 */
export async function createBackup(options: {
  databaseUrl: string;
  out: string;
  /** Overwrite an existing `out`. */
  force?: boolean;
  /** Where the files are read; the configured driver by default. */
  storage?: StorageDriver;
  log?: (line: string) => void;
  /** gzip level, 1 (fastest) to 9 (smallest). */
  compressionLevel?: number;
}): Promise<BackupResult> {
  const out = path.resolve(options.out);
  const folder = path.dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new AppError("VALIDATION", `No folder ${folder} to write the backup into`);
  if (existsSync(out) && !options.force) throw new AppError("VALIDATION", `${out} already exists; pass --force to overwrite it`);
  const driver = options.storage ?? configuredStorage();
  const log = options.log ?? (() => {});
  const createdAt = new Date();

  // Spooled entries and the archive in progress live in a folder of their own next to `out`.
  const work = await mkdtemp(path.join(folder, ".metodaudit-backup-"));
  const partial = path.join(work, "archive.tar.gz");
  const archive = tarPack();
  const writing = pipeline(
    archive,
    createGzip({ level: options.compressionLevel ?? 6 }),
    createWriteStream(partial, { flags: "wx", mode: 0o600 }),
  );
  writing.catch(() => {}); // awaited below
  // An entry is spooled while the one before it is compressed into the archive (one of each at a time).
  let spools = 0;
  let appending: Promise<void> = Promise.resolve();
  const append = async (name: string, source: Readable) => {
    const file = path.join(work, `entry-${spools++}`);
    const digest = await spool(source, file);
    await appending;
    appending = pipeline(createReadStream(file), archive.entry({ name, size: digest.bytes, mtime: createdAt, mode: 0o600 })).then(() =>
      rm(file),
    );
    appending.catch(() => {}); // awaited by the next append or at the end
    return digest;
  };

  const client = new pg.Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await setCopySession(client);
    // The first query takes the snapshot; every read below sees the database as of then.
    const tables = await listAppTables(client);
    if (!tables.some((table) => table.name === MIGRATIONS_TABLE)) {
      throw new AppError("VALIDATION", "The database has no migrations applied (no _prisma_migrations table): nothing to back up");
    }
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM ${tableRef(MIGRATIONS_TABLE)}
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    );
    const serverVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "";

    // Files first, soon after the snapshot: a report file expired after it would be missed.
    const files: Manifest["files"] = [];
    const missingFiles: Manifest["missingFiles"] = [];
    if (tables.some((table) => table.name === "StoredFile")) {
      log("Backing up stored files");
      for await (const row of storedFiles(client)) {
        let source: Readable;
        try {
          source = await driver.read(row.storageKey);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
          log(`Warning: stored file ${row.id} (${row.storageKey}) is missing from storage; its row is backed up without bytes`);
          missingFiles.push({ key: row.storageKey, id: row.id });
          continue;
        }
        const digest = await append(fileEntry(row.storageKey), source);
        if (digest.sha256 !== row.sha256) {
          log(`Warning: stored file ${row.id} (${row.storageKey}) differs from the checksum in its row; backed up as found`);
        }
        files.push({ key: row.storageKey, id: row.id, size: digest.bytes, sha256: digest.sha256 });
      }
    }

    log(`Backing up ${tables.length} tables`);
    const manifestTables: Manifest["tables"] = [];
    for (const table of tables) {
      const started = Date.now();
      const columns = table.columns.map(quoteIdent).join(", ");
      const copy = client.query(copyTo(`COPY ${tableRef(table.name)} (${columns}) TO STDOUT`));
      const digest = await append(tableEntry(table.name), copy);
      manifestTables.push({ name: table.name, columns: table.columns, rows: digest.lines, bytes: digest.bytes, sha256: digest.sha256 });
      if (digest.lines >= PROGRESS_ROWS) log(`  ${table.name}: ${digest.lines} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query("COMMIT");
    await appending;

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: createdAt.toISOString(),
      serverVersion,
      migrations,
      tables: manifestTables,
      files,
      missingFiles,
    };
    archive.entry({ name: MANIFEST_ENTRY, mtime: createdAt, mode: 0o600 }, `${JSON.stringify(manifest, null, 2)}\n`);
    archive.finalize();
    await writing;
    await rename(partial, out);
    return {
      out,
      bytes: (await stat(out)).size,
      tables: manifestTables.length,
      rows: manifestTables.reduce((sum, table) => sum + table.rows, 0),
      files: files.length,
      ...(missingFiles.length ? { missingFiles: missingFiles.map((file) => file.key) } : {}),
    };
  } catch (error) {
    archive.destroy();
    await writing.catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/** StoredFile rows of the snapshot, a batch at a time by storage key. */
async function* storedFiles(client: pg.Client) {
  let after = "";
  for (;;) {
    const { rows } = await client.query<{ id: string; storageKey: string; sha256: string }>(
      `SELECT id::text, "storageKey", sha256 FROM ${tableRef("StoredFile")}
        WHERE "storageKey" COLLATE "C" > $1 ORDER BY "storageKey" COLLATE "C" LIMIT ${FILE_BATCH}`,
      [after],
    );
    yield* rows;
    if (rows.length < FILE_BATCH) return;
    after = rows.at(-1)!.storageKey;
  }
}
