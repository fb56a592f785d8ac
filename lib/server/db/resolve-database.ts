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
