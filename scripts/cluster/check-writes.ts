// Checks 2 and 4: a write read back at once from the other instance (and how far behind the
// replica is), and a background report asked on one web instance, built by the worker, downloaded from the other.
import pg from "pg";
import type { CheckResult } from "./check";
import { type Clients, read, save } from "./client";
import { type AppName, appUrl, URLS } from "./layout";
import { metricsToken } from "./pieces";
import { sleep } from "./processes";

/** The documented bound: REPLICA_MAX_LAG (seconds) as the harness sets it (pieces.ts). */
const REPLICA_MAX_LAG_S = 10;
const INSTANCES: AppName[] = ["web-a", "web-b", "worker"];

export async function checkReadYourWrites(clients: Clients): Promise<Omit<CheckResult, "name">> {
  const slot = clients.slots[0]!;
  const instances = [appUrl("web-a"), appUrl("web-b")];
  // Each save names the version the previous one (on the other instance) answered: a stale read of
  // the blank there is a version conflict (409). After each, the blank's page from the other instance.
  let saves = 0;
  let pages = 0;
  const failures: string[] = [];
  for (let i = 0; i < 20; i++) {
    const outcome = await save(instances[i % 2]!, slot);
    if (outcome.ok) saves++;
    else failures.push(`save on ${instances[i % 2]}: ${outcome.status ?? outcome.error}`);
    const page = await read(`${instances[(i + 1) % 2]}/blanks/${slot.blankId}`, slot.cookie);
    if (page.ok) pages++;
    else failures.push(`page on ${instances[(i + 1) % 2]}: ${page.status ?? page.error}`);
  }

  // The replica's lag for one acknowledged save: how long until the replica holds its version.
  const replica = new pg.Client({ connectionString: URLS.replica });
  await replica.connect();
  const lags: number[] = [];
  for (let i = 0; i < 5; i++) {
    const outcome = await save(instances[i % 2]!, slot);
    if (!outcome.ok) {
      failures.push(`save for the lag: ${outcome.status ?? outcome.error}`);
      continue;
    }
    const acknowledged = performance.now();
    for (;;) {
      const { rows } = await replica.query<{ version: number }>(`SELECT version FROM "Blank" WHERE id = $1`, [slot.blankId]);
      if ((rows[0]?.version ?? -1) >= slot.version) break;
      if (performance.now() - acknowledged > REPLICA_MAX_LAG_S * 1000) break;
      await sleep(5);
    }
    lags.push(performance.now() - acknowledged);
  }
  await replica.end();
  const dashboard = await read(`${URLS.balancer}/campaigns/${clients.fixtures.campaignId}/dashboard`, clients.auditor);
  const maxLag = Math.max(...lags);
  return {
    ok: failures.length === 0 && maxLag < REPLICA_MAX_LAG_S * 1000 && dashboard.ok,
    details: [
      `20 saves alternating web-a/web-b, each with the version the other answered: ${saves} saved; the blank's page from the other instance: ${pages} × 200`,
      `replica holds an acknowledged save after ${lags.map((lag) => Math.round(lag)).join(", ")} ms (REPLICA_MAX_LAG ${REPLICA_MAX_LAG_S} s)`,
      `campaign dashboard through the balancer: ${dashboard.status ?? dashboard.error}`,
      ...failures.slice(0, 5),
    ],
  };
}

/** Report jobs an instance has run, from its /api/metrics (job_duration_seconds_count of the report queue); undefined without metrics. */
async function reportJobsRun(name: AppName): Promise<number | undefined> {
  const response = await fetch(`${appUrl(name)}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken()}` } }).catch(
    () => undefined,
  );
  if (!response?.ok) return undefined;
  const counts = [...(await response.text()).matchAll(/^job_duration_seconds_count\{[^}]*queue="report"[^}]*\} (\d+)/gm)];
  return counts.reduce((sum, match) => sum + Number(match[1]), 0);
}

export async function checkBackgroundReport(clients: Clients): Promise<Omit<CheckResult, "name">> {
  const headers = { cookie: clients.auditor, origin: URLS.balancer, "content-type": "application/json" };
  const before = await Promise.all(INSTANCES.map(reportJobsRun));
  const asked = await fetch(`${appUrl("web-a")}/api/reports/jobs`, {
    method: "POST",
    headers,
    body: JSON.stringify({ kind: "campaign", id: clients.fixtures.campaignId }),
  });
  if (asked.status !== 202) return { ok: false, details: [`POST /api/reports/jobs on web-a: ${asked.status} ${await asked.text()}`] };
  const job = (await asked.json()) as { id: string; status: string };
  const started = performance.now();
  let status = job.status;
  let downloadUrl: string | null = null;
  while (status !== "DONE" && status !== "FAILED" && performance.now() - started < 120_000) {
    await sleep(500);
    const polled = (await (await fetch(`${appUrl("web-a")}/api/reports/jobs/${job.id}`, { headers })).json()) as {
      status: string;
      downloadUrl: string | null;
    };
    status = polled.status;
    downloadUrl = polled.downloadUrl;
  }
  const builtIn = Math.round((performance.now() - started) / 100) / 10;
  if (status !== "DONE" || !downloadUrl) return { ok: false, details: [`job ${job.id}: ${status} after ${builtIn} s`] };
  const file = await fetch(`${appUrl("web-b")}${downloadUrl}`, { headers: { cookie: clients.auditor } });
  const bytes = Buffer.from(await file.arrayBuffer());
  const pdf = file.status === 200 && bytes.subarray(0, 5).toString() === "%PDF-";
  // Who built it: each instance's count of report jobs run, before and after.
  const after = await Promise.all(INSTANCES.map(reportJobsRun));
  const ran = INSTANCES.map((name, index) => ({ name, ran: (after[index] ?? Number.NaN) - (before[index] ?? Number.NaN) }));
  const byWorkerOnly = ran.every(({ name, ran: n }) => n === (name === "worker" ? 1 : 0));
  return {
    ok: pdf && byWorkerOnly,
    details: [
      `job ${job.id} asked on web-a: DONE after ${builtIn} s`,
      `report jobs run meanwhile per /api/metrics: ${ran.map(({ name, ran: n }) => `${name} ${Number.isNaN(n) ? "no metrics" : n}`).join(", ")}`,
      `downloaded from web-b (${downloadUrl}): ${file.status}, ${bytes.length} bytes, ${pdf ? "a PDF" : "not a PDF"}`,
    ],
  };
}
