import "server-only";
import pg from "pg";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { directUrlFor } from "@/lib/server/db/resolve-database";
import { seedDemo } from "@/lib/server/seed/seed-demo";

/** Held while one starting instance checks for users and loads the demo. */
const DEMO_SEED_LOCK = 72707370;

/**
 * Migrates (through DIRECT_DATABASE_URL when given), and loads the demo when the database holds
 * no user yet. Instances started together load it once: the check and the load run while a
 * transaction of a connection of their own holds a transaction-level advisory lock (which,
 * unlike a session lock, holds behind PgBouncer in transaction mode: the transaction keeps its
 * server connection); the others wait for it and then find the users.
 */
export async function prepareDatabase(options: { databaseUrl: string; log: (line: string) => void }) {
  await migrate({ databaseUrl: directUrlFor(options.databaseUrl), log: options.log });
  const lock = new pg.Client({ connectionString: options.databaseUrl });
  await lock.connect();
  const db = connectDb(options.databaseUrl);
  try {
    await lock.query("BEGIN");
    await lock.query("SELECT pg_advisory_xact_lock($1)", [DEMO_SEED_LOCK]);
    if ((await db.user.count()) === 0) {
      options.log("Empty database: loading the demo data");
      await seedDemo({ db, log: options.log });
    }
    await lock.query("COMMIT");
  } finally {
    await lock.end();
    await disconnectDb();
  }
}
