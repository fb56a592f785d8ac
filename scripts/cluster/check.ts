// `npm run cluster -- check`: the scale-out's checks against the running cluster, in an order
// where each leaves the cluster as the next expects it: first a fresh database that three
// instances start on together (the migrations check, and the demo data the other checks use),
// last the e2e journeys on a second fresh start (they assume the demo data as seeded).
import { disconnectDb } from "@/lib/server/db/client";
import { checkBackgroundReport, checkReadYourWrites } from "./check-writes";
import { checkFailover } from "./check-failover";
import { checkFreshStart } from "./check-fresh-start";
import { checkJourneys } from "./check-journeys";
import { checkThroughput } from "./check-throughput";
import { type Clients, prepareClients } from "./client";

export interface CheckResult {
  name: string;
  ok: boolean;
  /** The numbers behind the verdict, one line each. */
  details: string[];
}

export const log = (line: string) => console.log(`[check] ${line}`);

/** `check` runs every check; `check 5 2` only those (by number, in the fixed order). */
export async function runChecks() {
  const only = process.argv.slice(3);
  const results: CheckResult[] = [];
  const run = async (name: string, check: () => Promise<Omit<CheckResult, "name">>) => {
    if (only.length > 0 && !only.includes(name.split(".")[0]!)) return;
    log(`— ${name}`);
    try {
      results.push({ name, ...(await check()) });
    } catch (error) {
      results.push({ name, ok: false, details: [`error: ${error instanceof Error ? error.message : String(error)}`] });
    }
    const last = results.at(-1)!;
    log(`${last.ok ? "PASS" : "FAIL"} ${name}`);
  };
  let clients: Clients | undefined;
  const withClients = async () => {
    clients ??= await prepareClients(log);
    return clients;
  };

  await run("5. migrations run once (3 instances start together on a fresh database)", checkFreshStart);
  // The bench's accounts on the fresh demo data: the e2e journeys change it (their campaign is the newest, without schools).
  await run("2. a write is read back at once from any instance; replica lag", async () => checkReadYourWrites(await withClients()));
  await run("4. a background report: asked on web-a, built by the worker, downloaded from web-b", async () =>
    checkBackgroundReport(await withClients()),
  );
  await run("3. steady load: SIGKILL, replica down, graceful restart", async () => checkFailover(await withClients()));
  await run("6. throughput: two web instances against one", async () => checkThroughput(await withClients()));
  await disconnectDb();
  await run("1. e2e journeys through the balancer, requests on both instances", async () => {
    // The specs assume the demo data as seeded: the same fresh start again.
    log("resetting the database to the demo data for the e2e journeys");
    const reset = await checkFreshStart();
    if (!reset.ok) return { ok: false, details: ["the reset to the demo data failed:", ...reset.details] };
    return checkJourneys();
  });

  console.log("\n=== npm run cluster -- check ===");
  for (const result of results) {
    console.log(`${result.ok ? "PASS" : "FAIL"}  ${result.name}`);
    for (const detail of result.details) console.log(`      ${detail}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(failed === 0 ? `\nall ${results.length} checks passed` : `\n${failed} of ${results.length} checks failed`);
  if (failed > 0) process.exitCode = 1;
}
