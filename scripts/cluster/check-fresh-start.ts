// Check 5: three instances (two web, the worker) start at the same moment, through PgBouncer, on a
// fresh database: every migration is applied exactly once, by one of them. It also leaves the
// cluster on the freshly seeded demo data that the e2e specs assume.
import fs from "node:fs";
import pg from "pg";
import { recreateDatabase } from "@/lib/server/db/admin";
import { readMigrations } from "@/lib/server/db/migrate";
import type { CheckResult } from "./check";
import { serverStats } from "./haproxy";
import { APPS, DATABASE, logFile, URLS } from "./layout";
import { startApp, upBouncer, waitForApp } from "./pieces";
import { stopPiece, waitFor } from "./processes";

async function restartBouncers() {
  await Promise.all([stopPiece("bouncer-primary"), stopPiece("bouncer-replica")]);
  await Promise.all([upBouncer("bouncer-primary"), upBouncer("bouncer-replica")]);
}

export async function checkFreshStart(): Promise<Omit<CheckResult, "name">> {
  await Promise.all(APPS.map((app) => stopPiece(app.name)));
  await recreateDatabase(URLS.primary, DATABASE);
  // The PgBouncers' server connections went with the old database: new pools.
  await restartBouncers();

  const marks = Object.fromEntries(
    APPS.map((app) => [app.name, fs.existsSync(logFile(app.name)) ? fs.statSync(logFile(app.name)).size : 0]),
  );
  for (const app of APPS) startApp(app.name);
  const started = await Promise.allSettled(APPS.map((app) => waitForApp(app.name, 120_000)));
  const details: string[] = [];
  let ok = true;
  for (const [index, outcome] of started.entries()) {
    if (outcome.status === "rejected") {
      ok = false;
      details.push(`${APPS[index]!.name} failed to start: ${String(outcome.reason).split("\n").slice(0, 6).join(" | ")}`);
    }
  }
  if (!ok) {
    // A failed or stuck instance is started again on the now-prepared database so that the other
    // checks can run, behind new pools: a pooled server connection may still hold a session's advisory lock.
    for (const [index, outcome] of started.entries()) if (outcome.status === "rejected") await stopPiece(APPS[index]!.name);
    await restartBouncers();
    for (const app of APPS) startApp(app.name);
    await Promise.all(APPS.map((app) => waitForApp(app.name)));
  }

  const expected = readMigrations().length;
  const client = new pg.Client({ connectionString: URLS.primary });
  await client.connect();
  const { rows } = await client.query<{ migration_name: string; n: number }>(
    `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
  );
  await client.end();
  const twice = rows.filter((row) => row.n !== 1);
  if (rows.length !== expected || twice.length > 0) ok = false;
  details.push(`_prisma_migrations: ${rows.length} of ${expected} migrations, ${twice.length} with more than one row`);

  const appliedBy = APPS.map((app) => {
    const text = fs.readFileSync(logFile(app.name)).subarray(marks[app.name]).toString();
    return { name: app.name, applied: text.match(/Applying migration/g)?.length ?? 0 };
  });
  const total = appliedBy.reduce((sum, app) => sum + app.applied, 0);
  if (total !== expected) ok = false;
  details.push(`applied per the instances' logs: ${appliedBy.map((app) => `${app.name} ${app.applied}`).join(", ")} (total ${total})`);

  await waitFor(
    "both web instances UP in the balancer",
    async () => (await serverStats()).filter((s) => s.status === "UP").length === 2,
    30_000,
  );
  return { ok, details };
}
