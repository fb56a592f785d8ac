import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { BOSS_SCHEMA } from "@/lib/server/jobs/boss";
import { directUrlFor } from "@/lib/server/db/resolve-database";
import { seedDemo } from "@/lib/server/seed/seed-demo";

/** Held while one starting instance checks for users, loads the demo and installs the queue's tables. */
const DEMO_SEED_LOCK = 72707370;

/**
 * Migrates (through DIRECT_DATABASE_URL when given), and loads the demo when the database holds
 * no user yet. Instances started together load it once: the check and the load run while a
 * transaction of a connection of their own holds a transaction-level advisory lock (which,
 * unlike a session lock, holds behind PgBouncer in transaction mode: the transaction keeps its
 * server connection); the others wait for it and then find the users. The job queue's tables are
 * installed the same way, so that every instance is ready (/api/ready asks the queue) and can
 * enqueue a report before the instance that runs the jobs has started.
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
    await installQueue(lock, options.log);
  } finally {
    await lock.end();
    await disconnectDb();
  }
}

/**
 * Ends the lock's transaction, installing pg-boss's schema first when it is missing. pg-boss's own
 * construction script commits (it is BEGIN … COMMIT under pg-boss's lock), which ends our
 * transaction too: only after the tables are there for the next instance to find.
 */
async function installQueue(lock: pg.Client, log: (line: string) => void) {
  const { rows } = await lock.query<{ table: string | null }>("SELECT to_regclass($1)::text AS table", [`${BOSS_SCHEMA}.version`]);
  if (rows[0]?.table) {
    await lock.query("COMMIT");
    return;
  }
  log("Installing the job queue's tables");
  await lock.query(PgBoss.getConstructionPlans(BOSS_SCHEMA));
}
