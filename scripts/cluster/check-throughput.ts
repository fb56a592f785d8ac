// Check 6: requests per second of the two web instances (through the balancer) against one
// (web-a directly), for a page and for the autosave, with autocannon in a process of its own
// (bench/http/load-child.ts, as the benchmarks run it), one after the other in the same run.
import os from "node:os";
import { runLoadChild } from "../../bench/suites/http";
import type { CheckResult } from "./check";
import { type Clients, versionInDatabase } from "./client";
import { appUrl, URLS } from "./layout";
import { sleep } from "./processes";

const SECONDS = 6;
const CONNECTIONS = 8;

export async function checkThroughput(clients: Clients): Promise<Omit<CheckResult, "name">> {
  const targets = [
    { label: "2 instances (balancer)", base: URLS.balancer },
    { label: "1 instance (web-a)", base: appUrl("web-a") },
  ];
  const details: string[] = [];
  let ok = true;
  for (const endpoint of ["page /region (auditor)", "autosave"] as const) {
    const rps: number[] = [];
    for (const target of targets) {
      // The load child keeps its own copy of the slots: resume from the versions in the database, once
      // the saves the previous run left in flight have landed (else every later save of that blank is a conflict).
      await sleep(1_000);
      for (const slot of clients.slots) slot.version = await versionInDatabase(slot.blankId);
      const result = await runLoadChild(
        endpoint === "autosave"
          ? {
              kind: "http",
              label: `${endpoint}, ${target.label}`,
              url: `${target.base}/api/blanks/${clients.slots[0]!.blankId}/answers`,
              method: "PATCH",
              connections: Math.min(CONNECTIONS, clients.slots.length),
              duration: SECONDS,
              autosave: { origin: URLS.balancer, slots: clients.slots },
            }
          : {
              kind: "http",
              label: `${endpoint}, ${target.label}`,
              url: `${target.base}/region`,
              headers: { cookie: clients.auditor },
              connections: CONNECTIONS,
              duration: SECONDS,
              failurePattern: "/login",
            },
      );
      const failed = result.errors + result.non2xx + (result.failed ?? 0);
      if (failed > 0 || result.requests === 0) ok = false;
      rps.push(result.rps);
      const codes = Object.entries(result.statusCodes)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ");
      details.push(
        `${endpoint}, ${target.label}: ${result.rps} req/s, p95 ${result.p95} ms, ${failed} failed${failed > 0 ? ` (${codes})` : ""}`,
      );
    }
    details.push(`${endpoint}: two instances / one = ${(rps[0]! / rps[1]!).toFixed(2)}`);
  }
  details.push(
    `this box has ${os.availableParallelism()} cores for both instances, HAProxy, PgBouncer, PostgreSQL and the load generator: ` +
      "two instances cannot have more CPU than one here, so the ratio measures the balancer's overhead, not the gain of a second machine",
  );
  return { ok, details };
}
