import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { externalDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

/**
 * The PostgreSQL server the tests create their databases on: the server of
 * DATABASE_URL when set, else an embedded cluster of its own under DATA_DIR/test
 * (never the app's data).
 */
export async function startTestServer(log?: (line: string) => void): Promise<EmbeddedDatabase> {
  const { DATABASE_URL, dataDir } = env();
  if (DATABASE_URL) return externalDatabase(DATABASE_URL);
  return startEmbeddedPostgres({ dataDir: path.join(dataDir, "test"), database: "postgres", log });
}
