import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { createBackup } from "@/lib/server/backup/create-backup";
import { restoreBackup } from "@/lib/server/backup/restore-backup";

export const BACKUP_USAGE = "backup --out <file.tar.gz> [--force]";
export const RESTORE_USAGE = "restore <file.tar.gz> [--force]";

/**
 * `backup --out <file.tar.gz> [--force]`: the database (schema public) and every
 * stored file as of one snapshot; prints { out, bytes, tables, rows, files }.
 */
export async function backupCommand(args: string[], databaseUrl: string, log: (line: string) => void) {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: "string" }, force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (!values.out || positionals.length) throw new AppError("VALIDATION", `Usage: ${BACKUP_USAGE}`);
  return createBackup({ databaseUrl, out: values.out, force: values.force, log });
}

/**
 * `restore <file.tar.gz> [--force]`: an archive of `backup` into an empty
 * database (any database with --force) and the storage; prints { restored, tables, rows, files, migrated }.
 */
export async function restoreCommand(args: string[], databaseUrl: string, log: (line: string) => void) {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new AppError("VALIDATION", `Usage: ${RESTORE_USAGE}`);
  return restoreBackup({ databaseUrl, file, force: values.force, log });
}
