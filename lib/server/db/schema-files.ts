import "server-only";
import path from "node:path";

export const SCHEMA_FILE = path.resolve("prisma/schema.prisma");
/** The schema as of the newest migration: the "from" side of the next diff. */
export const SNAPSHOT_FILE = path.resolve("prisma/migrations/schema.snapshot");

/** Prisma's layout: `YYYYMMDDHHMMSS_name`. */
export function migrationFolderName(name: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${name}`;
}
