import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import { DigestStream, type Digest } from "./digest-stream";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, fileEntry, MANIFEST_ENTRY, tableEntry, ZManifest, type Manifest } from "./manifest";
import { damagedArchive, readArchive } from "./read-archive";

/** A manifest of even a million files is far smaller; anything bigger is not ours. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/**
 * Reads a backup archive to its end without touching any database or storage:
 * every entry's size and SHA-256 (and each table's row count) must be those of
 * the manifest, and nothing may be missing or extra. Returns the manifest.
 */
export async function verifyBackup(options: { file: string }): Promise<Manifest> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new AppError("VALIDATION", `No backup archive ${file}`);

  const found = new Map<string, Digest>();
  let manifestText: string | undefined;
  const reading = readArchive(file, async (entry) => {
    if (found.has(entry.name) || (entry.name === MANIFEST_ENTRY && manifestText !== undefined)) {
      throw damagedArchive(file, `${entry.name} appears twice`);
    }
    if (entry.name === MANIFEST_ENTRY) {
      if (entry.size > MAX_MANIFEST_BYTES) throw damagedArchive(file, `${MANIFEST_ENTRY} is too big`);
      const chunks: Buffer[] = [];
      for await (const chunk of entry.stream) chunks.push(chunk as Buffer);
      manifestText = Buffer.concat(chunks).toString("utf8");
      return;
    }
    const digest = new DigestStream();
    await pipeline(entry.stream, digest, new Writable({ write: (_chunk, _encoding, done) => done() }));
    found.set(entry.name, digest.digest());
  });
  // Nothing here fails but the archive itself (gunzip or tar inside an entry).
  await reading.catch((error: unknown) => {
    throw error instanceof AppError ? error : damagedArchive(file, error instanceof Error ? error.message : String(error));
  });

  if (manifestText === undefined) throw damagedArchive(file, `no ${MANIFEST_ENTRY}`);
  const manifest = parseManifest(file, manifestText);

  const expected = new Map<string, { bytes: number; sha256: string; rows?: number }>();
  for (const table of manifest.tables) expected.set(tableEntry(table.name), table);
  for (const stored of manifest.files) expected.set(fileEntry(stored.key), { bytes: stored.size, sha256: stored.sha256 });
  for (const [name, want] of expected) {
    const got = found.get(name);
    if (!got) throw damagedArchive(file, `${name} is missing`);
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256 || (want.rows !== undefined && got.lines !== want.rows)) {
      throw new AppError(
        "VALIDATION",
        `The archive ${file} is damaged: the checksum of ${name} does not match its manifest; nothing was restored`,
      );
    }
  }
  const extra = [...found.keys()].find((name) => !expected.has(name));
  if (extra) throw damagedArchive(file, `${extra} is not in the manifest`);
  return manifest;
}

function parseManifest(file: string, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damagedArchive(file, `${MANIFEST_ENTRY} is not JSON`);
  }
  const header = json as { format?: unknown; formatVersion?: unknown };
  if (header?.format !== BACKUP_FORMAT) throw new AppError("VALIDATION", `${file} is not a backup of this app`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new AppError(
      "VALIDATION",
      `${file} is a backup of format version ${String(header.formatVersion)}; this version of the app reads version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const parsed = ZManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damagedArchive(file, `${MANIFEST_ENTRY}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data;
}
