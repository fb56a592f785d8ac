// `npm start`: resolves the database (DATABASE_URL, else embedded PostgreSQL under
// DATA_DIR), migrates, seeds the demo on an empty database, builds if the sources
// changed, and serves on PORT. SIGINT/SIGTERM stop the server, then PostgreSQL.
import { env, EnvError } from "@/lib/env";
import { resolveDatabase } from "@/lib/server/db/resolve-database";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { ensureSecret } from "@/lib/server/launch/ensure-secret";
import { prepareDatabase } from "@/lib/server/launch/prepare-database";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";
import { STOP_AFTER_GRACE_MS } from "@/lib/server/observability/shutdown";

const log = (line: string) => console.log(`[metodaudit] ${line}`);

async function main() {
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await resolveDatabase(log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    // The server drains first: its grace, then the requests in flight and the job queue (serve-worker.ts).
    if (server) await stopChild(server, config.SHUTDOWN_GRACE_MS + STOP_AFTER_GRACE_MS);
    await database.stop();
    log("stopped");
    process.exit(0);
  };
  let server: ReturnType<typeof serveNext> | undefined;
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await prepareDatabase({ databaseUrl: database.url, log });
    ensureBuild(log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (stopping) return;
  const url = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  server = serveNext({
    port: config.PORT,
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: ensureSecret({ given: config.NEXTAUTH_SECRET, dataDir: config.dataDir }),
      NEXTAUTH_URL: url,
    },
  });
  log(`Serving on ${url}`);
  server.on("exit", async (code) => {
    if (stopping) return;
    await database.stop();
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(`[metodaudit] start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
