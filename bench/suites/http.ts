// The HTTP suite: the production build (`npm start`'s cluster of Next workers) on the bench database, driven over HTTP by
// autocannon in a second process (bench/http/load-child.ts), one endpoint after another, with the
// server's RSS sampled every 200 ms; and, for each read, one hand-written SQL query through `pg`
// run the same way, so that app/SQL shows the overhead of the stack.
import { spawn } from "node:child_process";
import { inheritedEnvironment } from "@/lib/env";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";
import type { ScaleName } from "@/lib/server/seed/demo-data/scales";
import { prepareHttpFixtures, type HttpFixtures } from "../http/fixtures";
import { processTree, sampleRss, statusKb } from "../http/rss";
import { csrf, freePort, signIn, signInBody, waitForServer } from "../http/server";
import * as q from "../http/sql";
import type { SqlQuery } from "../http/sql";
import type { AutosaveSlot, LoadResult, LoadSpec } from "../http/types";

type Log = (line: string) => void;

export interface Target {
  text: string;
  met: (r: { app: LoadResult; sql?: LoadResult; unloadedMs?: number; floors: Floors }) => boolean;
}

/** The two floor rows of the same run (a bare page, a bare route handler): req/s and «alone», ms. */
interface Floor {
  rps: number;
  alone: number;
}
interface Floors {
  page?: Floor;
  route?: Floor;
}

export interface HttpResult {
  endpoint: string;
  method: string;
  path: string;
  role: string;
  scale: string;
  connections: number;
  durationS: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  /** Socket errors, timeouts, and responses that were ≥ 300 or an autosave without its new version. */
  errors: number;
  statusCodes: Record<string, number>;
  firstFailure?: string;
  peakRssMb: number;
  /** The best of three requests one at a time, before the load (not for the autosave). */
  unloadedMs?: number;
  sqlP50?: number;
  sqlSerialP50?: number;
  sqlRps?: number;
  appToSql?: number;
  /** req/s ÷ the floor's req/s in the same run: the page floor for pages, the route-handler floor for /api. */
  floorShare?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface HttpSuiteResult {
  baseUrl: string;
  serverPeakRssMb: number;
  results: HttpResult[];
  skipped: string[];
}

const p95Under = (ms: number): Target => ({ text: `p95 ≤ ${ms} ms`, met: ({ app }) => app.p95 <= ms });
// Issue 19's targets, as shares of the floors measured in the same run: the machine's speed cancels out.
const sqlAlone = (sql?: LoadResult) => sql?.serialP50 ?? 0;
const everyday: Target = {
  text: "≥ 0.6 of the page floor; alone ≤ 2 × floor's + SQL alone",
  met: ({ app, sql, unloadedMs, floors: { page } }) =>
    !!page && app.rps >= 0.6 * page.rps && unloadedMs !== undefined && unloadedMs <= 2 * page.alone + sqlAlone(sql),
};
const heavy = (aloneTimesSql?: number): Target => ({
  text: `≥ 0.4 of the page floor${aloneTimesSql ? `; alone ≤ ${aloneTimesSql} × SQL alone` : ""}`,
  met: ({ app, sql, unloadedMs, floors: { page } }) =>
    !!page && app.rps >= 0.4 * page.rps && (!aloneTimesSql || (unloadedMs !== undefined && unloadedMs <= aloneTimesSql * sqlAlone(sql))),
});
/** The run's floors so far: the floor rows come first. */
function floorsOf(results: HttpResult[]): Floors {
  const floor = (prefix: string) => {
    const r = results.find((x) => x.endpoint.startsWith(prefix));
    return r && r.unloadedMs !== undefined ? { rps: r.rps, alone: r.unloadedMs } : undefined;
  };
  return { page: floor(PAGE_FLOOR), route: floor(ROUTE_FLOOR) };
}
function floorShare(e: { endpoint: string; path: string }, floors: Floors, rps: number): number | undefined {
  if (e.endpoint.startsWith("floor:")) return undefined;
  const floor = e.path.startsWith("/api/") ? floors.route : floors.page;
  return floor && floor.rps > 0 ? Math.round((rps / floor.rps) * 100) / 100 : undefined;
}
const PAGE_FLOOR = "floor: sign-in page";
const ROUTE_FLOOR = "floor: /api/auth/csrf";

export function runLoadChild(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/http/load-child.ts"], {
      env: inheritedEnvironment(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end(JSON.stringify(spec));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load child (${spec.label}) exited with ${code}: ${stderr.slice(-2000)}`));
      if (stderr.trim()) process.stderr.write(stderr);
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadResult);
    });
  });
}

interface Endpoint {
  endpoint: string;
  role: keyof HttpFixtures["users"] | "writers" | "anonymous";
  method?: string;
  path: string;
  connections: number;
  target?: Target;
  sql?: SqlQuery;
  note?: string;
  body?: string;
  headers?: Record<string, string>;
  failurePattern?: string;
  autosave?: { slots: AutosaveSlot[] };
}

/**
 * The server's rate limits, out of the way: the download limit (30 a minute per user) would answer
 * most of the PDF and export load with 429. Every client signs in from 127.0.0.1 at once: each
 * attempt holds one of the address's SIGN_IN_RATE_LIMIT points until it succeeds, so more than 100
 * connections would run out. The throttle still runs (its queries are part of the sign-in
 * measured); its budget never binds. The access log (a JSON line per request at info) is off too:
 * tens of thousands of lines would bury the bench's own output. Said in the log and under the table.
 */
export const BENCH_LIMITS = { EXPORT_RATE_LIMIT: "0", SIGN_IN_RATE_LIMIT: "1000000", LOG_LEVEL: "warn" };
export const LIMITS_NOTE = Object.entries(BENCH_LIMITS)
  .map(([name, value]) => `${name}=${value}`)
  .join(", ");

export async function runHttpSuite(options: {
  databaseUrl: string;
  scale: ScaleName;
  connections: number;
  duration: number;
  log: Log;
}): Promise<HttpSuiteResult> {
  const { databaseUrl, scale, connections, duration, log } = options;
  const fixtures = await prepareHttpFixtures({ scale, writers: connections + 10, log });
  ensureBuild(log);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`Starting the production server on ${base}, with its rate limits out of the way (${LIMITS_NOTE})…`);
  const server = serveNext({
    port,
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "bench-secret-0123456789-0123456789-0123456789",
      NEXTAUTH_URL: base,
      ...BENCH_LIMITS,
    },
  });
  const skipped: string[] = [];
  const results: HttpResult[] = [];
  try {
    await waitForServer(base, server);
    log("Signing in…");
    const cookies: Record<string, string> = {};
    for (const [role, email] of Object.entries(fixtures.users)) cookies[role] = await signIn(base, email);
    const writerCookies = await Promise.all(fixtures.writers.map((w) => signIn(base, w.email)));
    const slots: AutosaveSlot[] = fixtures.writers.map((w, i) => ({
      blankId: w.blankId,
      version: w.version,
      itemKey: w.itemKey,
      itemKind: w.itemKind,
      cookie: writerCookies[i]!,
      counter: 0,
    }));
    const signInCsrf = await csrf(base);

    const reads = connections;
    const pdfs = Math.min(2, connections);
    const listPage = 50;
    const endpoints: Endpoint[] = [
      {
        endpoint: "sign-in (credentials, argon2)",
        role: "anonymous",
        method: "POST",
        path: "/api/auth/callback/credentials",
        connections: Math.min(4, connections),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: signInCsrf.cookie },
        body: signInBody(fixtures.users.auditor, signInCsrf.csrfToken, base),
        failurePattern: "error=",
        note: "4 connections: argon2 is slow on purpose",
      },
      // The floor: what the stack costs on this machine before any of our work. A page
      // with neither a session nor a query, and a route handler the same; every page
      // below does more than these, so their throughput bounds what a page can reach.
      {
        endpoint: `${PAGE_FLOOR} /login (no session, no query)`,
        role: "anonymous",
        path: "/login",
        connections: reads,
        note: "Next.js rendering a small page, nothing else: the ceiling of any page's throughput here",
      },
      {
        endpoint: `${ROUTE_FLOOR} (route handler, no query)`,
        role: "anonymous",
        path: "/api/auth/csrf",
        connections: reads,
        note: "a route handler with no session and no query: the ceiling of any API read's throughput here",
      },
      {
        endpoint: "home /region (region admin)",
        role: "admin",
        path: "/region",
        connections: reads,
        target: everyday,
        sql: q.regionHome(fixtures),
      },
      {
        endpoint: "home /region (region auditor)",
        role: "auditor",
        path: "/region",
        connections: reads,
        target: everyday,
        sql: q.regionHome(fixtures),
      },
      {
        endpoint: "home /municipality (MO coordinator)",
        role: "municipal",
        path: "/municipality",
        connections: reads,
        target: everyday,
        sql: q.municipalityHome(fixtures),
      },
      {
        endpoint: "home /school (school coordinator)",
        role: "school",
        path: "/school",
        connections: reads,
        target: everyday,
        sql: q.schoolHome(fixtures),
      },
      {
        endpoint: `blank list: ${fixtures.blankList.label}, by participant, page ${listPage}`,
        role: "auditor",
        path: `/blanks?${new URLSearchParams({ ...fixtures.blankList.filter, sort: "participant", dir: "asc", page: String(listPage) })}`,
        connections: reads,
        target: heavy(),
        sql: q.blankListPage(fixtures, listPage),
        note: `${fixtures.blankList.total} blanks in the list`,
      },
    ];
    const firstWriter = fixtures.writers[0];
    if (firstWriter) {
      endpoints.push({
        endpoint: "open a blank /blanks/<id> (its coordinator, form)",
        role: "writers",
        path: `/blanks/${firstWriter.blankId}`,
        connections: reads,
        target: everyday,
        sql: q.blankWithAnswers(firstWriter.blankId),
      });
    } else skipped.push("open a blank: no blank being filled in the campaign");
    if (slots.length === 0) skipped.push("autosave: no blank being filled in the campaign");
    else {
      const autosaveConnections = Math.min(connections, slots.length);
      endpoints.push({
        endpoint: "autosave a blank (PATCH route handler, 1 answer)",
        role: "writers",
        method: "PATCH",
        path: `/api/blanks/${slots[0]!.blankId}/answers`,
        connections: autosaveConnections,
        target: {
          text: "≥ 0.5 of the route-handler floor",
          met: ({ app, floors: { route } }) => !!route && app.rps >= 0.5 * route.rps,
        },
        autosave: { slots },
        note:
          `PATCH /api/blanks/<id>/answers as the form sends it (JSON, Origin, the session cookie); each connection its own blank and coordinator` +
          (autosaveConnections < connections ? `; ${slots.length} blanks being filled, so ${autosaveConnections} connections` : ""),
      });
    }
    endpoints.push(
      {
        endpoint: `campaign dashboard (${fixtures.campaignBlanks} blanks)`,
        role: "auditor",
        path: `/campaigns/${fixtures.campaignId}/dashboard`,
        connections: reads,
        target: heavy(3),
        sql: q.campaignDashboard(fixtures),
      },
      {
        endpoint: "roadmap list /plans with overdue counts",
        role: "auditor",
        path: "/plans",
        connections: reads,
        target: heavy(),
        sql: q.plansWithOverdue(fixtures),
        note: `${fixtures.regionPlans} plans in the region`,
      },
      {
        endpoint: "participant's audit PDF",
        role: "auditor",
        path: `/api/reports/audit/${fixtures.auditBlankId}`,
        connections: pdfs,
        target: p95Under(300),
        sql: q.blankWithAnswers(fixtures.auditBlankId),
      },
      {
        endpoint: `regional campaign PDF (${fixtures.campaignBlanks} blanks)`,
        role: "auditor",
        path: `/api/reports/campaign/${fixtures.campaignId}`,
        connections: pdfs,
        target: p95Under(3000),
        sql: q.campaignDashboard(fixtures),
      },
      {
        endpoint: `plans list XLSX (${fixtures.regionPlans} plans)`,
        role: "auditor",
        path: "/api/exports/plans?format=xlsx",
        connections: pdfs,
        sql: q.plansExport(fixtures),
      },
      {
        endpoint: `events XLSX, the region's (${fixtures.regionEvents} events)`,
        role: "auditor",
        path: "/api/exports/events?format=xlsx",
        connections: pdfs,
        sql: q.regionEvents(fixtures),
        note: "the export of 200,000 events, with its peak RSS, is measured in a process of its own by the reports suite",
      },
      {
        endpoint: `roadmap XLSX (${fixtures.roadmapEvents} events)`,
        role: "auditor",
        path: `/api/plans/${fixtures.roadmapId}/export?format=xlsx`,
        connections: pdfs,
        sql: q.roadmapEvents(fixtures),
      },
    );

    for (const e of endpoints) {
      log(`${e.endpoint}: ${e.connections} connections, ${duration} s…`);
      const cookie = e.role === "anonymous" ? undefined : e.role === "writers" ? slots[0]!.cookie : cookies[e.role];
      const headers = e.headers ?? (cookie ? { cookie } : undefined);
      // Warm-up, one request at a time (not for the autosave: it writes): the server's first
      // render of a route is slow, and the last of these is the route's time without load.
      const unloaded: number[] = [];
      if (!e.autosave) {
        for (let i = 0; i < 4; i++) {
          const started = performance.now();
          const response = await fetch(`${base}${e.path}`, { method: e.method ?? "GET", headers, body: e.body, redirect: "manual" });
          await response.arrayBuffer();
          unloaded.push(performance.now() - started);
        }
      }
      const rss = sampleRss(server.pid!);
      const app = await runLoadChild({
        kind: "http",
        label: e.endpoint,
        url: `${base}${e.path}`,
        method: e.method,
        headers,
        body: e.body,
        connections: e.connections,
        duration,
        failurePattern: e.failurePattern,
        autosave: e.autosave && { ...e.autosave, origin: base },
      });
      const peakRssMb = rss.stop();
      const sql = e.sql
        ? await runLoadChild({
            kind: "sql",
            label: e.endpoint,
            databaseUrl,
            ...e.sql,
            connections: e.connections,
            duration: Math.min(duration, 5),
          })
        : undefined;
      const errors = app.errors + (app.failed ?? 0);
      const unloadedMs = unloaded.length ? Math.round(Math.min(...unloaded.slice(1)) * 10) / 10 : undefined;
      results.push({
        endpoint: e.endpoint,
        method: e.method ?? "GET",
        path: e.path,
        role: e.role,
        scale,
        connections: e.connections,
        durationS: duration,
        p50: app.p50,
        p95: app.p95,
        p99: app.p99,
        rps: app.rps,
        requests: app.requests,
        errors,
        statusCodes: app.statusCodes,
        firstFailure: app.firstFailure,
        peakRssMb,
        sqlP50: sql?.p50,
        sqlSerialP50: sql?.serialP50,
        sqlRps: sql?.rps,
        unloadedMs,
        floorShare: floorShare(e, floorsOf(results), app.rps),
        appToSql: sql && sql.p50 > 0 && app.requests > 0 ? Math.round((app.p50 / sql.p50) * 10) / 10 : undefined,
        target: e.target?.text,
        met: e.target ? errors === 0 && app.requests > 0 && e.target.met({ app, sql, unloadedMs, floors: floorsOf(results) }) : undefined,
        note: e.note,
      });
      const r = results.at(-1)!;
      log(
        `  unloaded ${r.unloadedMs ?? "—"} ms; p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.rps} req/s, ${r.errors} errors, peak RSS ${r.peakRssMb} MB${sql ? `; SQL p50 ${sql.p50} ms` : ""}`,
      );
      if (app.firstFailure) log(`  first failure: ${app.firstFailure}`);
    }
    const serverPeakRssMb = Math.round(processTree(server.pid!).reduce((sum, pid) => sum + statusKb(pid, "VmHWM"), 0) / 1024);
    return { baseUrl: base, serverPeakRssMb, results, skipped };
  } finally {
    await stopChild(server);
  }
}

const cell = (value: number | undefined) => (value === undefined ? "—" : String(value));

export function httpTable(suite: HttpSuiteResult): string {
  return [
    "| endpoint | scale | connections | alone, ms | p50, ms | p95, ms | p99, ms | req/s | share of floor | errors | peak RSS, MB | SQL alone, ms | SQL p50, ms | app/SQL | target | met? |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...suite.results.map(
      (r) =>
        `| ${r.endpoint} | ${r.scale} | ${r.connections} | ${cell(r.unloadedMs)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${cell(r.floorShare)} | ${r.errors} | ${r.peakRssMb} | ${cell(r.sqlSerialP50)} | ${cell(r.sqlP50)} | ${cell(r.appToSql)} | ${r.target ?? "—"} | ${r.met === undefined ? "—" : r.met ? "yes" : "no"} |`,
    ),
  ].join("\n");
}
