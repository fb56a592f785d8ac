// Check 1: the e2e suite's journeys (sign-in; an auditor's campaign: fill with autosave, submit,
// return, review, accept; the dashboard; the PDF in the background; the review loop) through the
// balancer, on the demo data check 5 left; then which instance answered each request.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { inheritedEnvironment } from "@/lib/env";
import type { CheckResult } from "./check";
import { type LoggedRequest, requestLogMark, requestsSince } from "./haproxy";
import { URLS } from "./layout";
import { sleep } from "./processes";

export const JOURNEYS = [
  "e2e/sign-in.spec.ts",
  "e2e/campaign.spec.ts",
  "e2e/dashboard.spec.ts",
  "e2e/reports.spec.ts",
  "e2e/review-loop.spec.ts",
];
const RESULTS = "test-results/e2e-results.json";

/** Requests per server, and how many consecutive pairs (in the balancer's log order) changed server. */
export function distribution(requests: LoggedRequest[]) {
  const perServer: Record<string, number> = {};
  let switches = 0;
  for (const [index, request] of requests.entries()) {
    perServer[request.server] = (perServer[request.server] ?? 0) + 1;
    if (index > 0 && requests[index - 1]!.server !== request.server) switches++;
  }
  return { perServer, switches, pairs: Math.max(0, requests.length - 1) };
}

const summary = (d: ReturnType<typeof distribution>) =>
  `${Object.entries(d.perServer)
    .map(([server, n]) => `${server} ${n}`)
    .join(", ")}; ${d.switches} of ${d.pairs} consecutive pairs on different instances`;

export async function checkJourneys(): Promise<Omit<CheckResult, "name">> {
  const mark = requestLogMark();
  const run = spawnSync("npx", ["playwright", "test", "--global-timeout=1200000", ...JOURNEYS], {
    stdio: "inherit",
    env: { ...inheritedEnvironment(), E2E_BASE_URL: URLS.balancer },
  });
  const report = fs.existsSync(RESULTS)
    ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } })
    : undefined;
  const e2eOk = run.status === 0 && report !== undefined && report.stats.unexpected === 0;
  const journeys = distribution(requestsSince(mark));

  // One request at a time: with round robin and no stickiness each lands on the other instance.
  const probeMark = requestLogMark();
  for (let i = 0; i < 10; i++) await (await fetch(`${URLS.balancer}/login`)).arrayBuffer();
  await sleep(300);
  const probe = distribution(requestsSince(probeMark));
  const both = (d: ReturnType<typeof distribution>) => ["web-a", "web-b"].every((server) => (d.perServer[server] ?? 0) > 0);
  return {
    ok: e2eOk && both(journeys) && both(probe) && probe.switches === probe.pairs && probe.pairs >= 9,
    details: [
      `playwright ${JOURNEYS.length} spec files: ${report ? `${report.stats.expected} passed, ${report.stats.unexpected} failed, ${report.stats.flaky} flaky` : "no report"} (exit ${run.status})`,
      `requests during the journeys: ${summary(journeys)}`,
      `10 sequential GET /login: ${summary(probe)}`,
    ],
  };
}
