import "server-only";
import { env } from "@/lib/env";
import { externalDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

export const EMBEDDED_DATABASE_NAME = "metodaudit";

/** DATABASE_URL when given, otherwise the embedded server under DATA_DIR. */
export async function resolveDatabase(log?: (line: string) => void): Promise<EmbeddedDatabase> {
  const { DATABASE_URL, dataDir } = env();
  if (DATABASE_URL) return externalDatabase(DATABASE_URL);
  return startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE_NAME, log });
}

/**
 * The connection for work that needs a session of its own or long transactions (migrations,
 * backup, restore): DIRECT_DATABASE_URL when `url` is DATABASE_URL, which may be a PgBouncer
 * pool, and a direct URL is given; `url` itself otherwise.
 */
export function directUrlFor(url: string): string {
  const { DATABASE_URL, DIRECT_DATABASE_URL } = env();
  return DIRECT_DATABASE_URL && url === DATABASE_URL ? DIRECT_DATABASE_URL : url;
}
