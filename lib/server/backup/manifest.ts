import "server-only";
import { z } from "zod";

/**
 * The backup archive: a gzip'ed tar of
 *   files/<storage key>   every stored file's bytes (uploads and report files), as read through the storage driver
 *   data/<table>.copy     every table of the schema `public`, in COPY's text format, in load order (parents first)
 *   manifest.json         last, once every checksum is known: what the archive must hold
 * Every entry's SHA-256 is in the manifest, so a damaged archive is refused before anything is restored.
 */
export const BACKUP_FORMAT = "metodaudit-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";

export const tableEntry = (table: string) => `data/${table}.copy`;
export const fileEntry = (storageKey: string) => `files/${storageKey}`;

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ZCount = z.number().int().min(0);

export const ZManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  /** `SHOW server_version` of the database backed up. */
  serverVersion: z.string(),
  /** Applied migrations (finished, not rolled back) in the order they were applied. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  /** In load order: a table comes after every table its foreign keys point to. */
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
      columns: z.array(z.string().min(1)).min(1),
      rows: ZCount,
      bytes: ZCount,
      sha256: ZSha256,
    }),
  ),
  files: z.array(
    z.object({
      key: z.string().min(1),
      /** The StoredFile row that names it. */
      id: z.string(),
      size: ZCount,
      sha256: ZSha256,
    }),
  ),
  /** Rows whose bytes were not in storage when the backup was made: restored as rows, without bytes. */
  missingFiles: z.array(z.object({ key: z.string(), id: z.string() })),
});

export type Manifest = z.infer<typeof ZManifest>;
