// `npm run soak -- [--scale demo|region] [--minutes 30] [--rate 20]`: the soak, with the benchmarks
// and like them not a test. Starts PostgreSQL (DATABASE_URL's server, else an embedded one), loads
// the demo and the generated data of the scale into a database of its own ("metodaudit_soak"),
// serves the production build (`npm start`'s cluster) and sends it a steady mix of the users'
// traffic for `--minutes` from a second process (bench/http/soak-child.ts): each role's pages,
// autosaves, now and then an export and a PDF. Every minute: requests, errors so far, p95 and the
// server's RSS (its whole process tree). At the end: bench/soak-results.json and a summary.
// It passes with no errors at all and the RSS at the end at most 10 % above the RSS after the
// first minute (the warm-up: the workers load their code and fill their caches); else exit 1.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { inheritedEnvironment } from "@/lib/env";
import { recreateDatabase } from "@/lib/server/db/admin";
import { connectDb, db, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { startTestServer } from "@/lib/server/db/test-server";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";
import { seedDemoData } from "@/lib/server/seed/demo-data/seed-demo-data";
import { prepareHttpFixtures, type HttpFixtures } from "./http/fixtures";
import { childPids, treeRssKb } from "./http/rss";
import { freePort, signIn, waitForServer } from "./http/server";
import { prepareSoakFixtures, type SoakFixtures } from "./http/soak-fixtures";
import type { SoakLine, SoakRequest, SoakSpec } from "./http/soak-types";
import type { AutosaveSlot } from "./http/types";

const log = (line: string) => console.error(`[soak] ${line}`);
const SCALES = ["demo", "region"] as const;
type Scale = (typeof SCALES)[number];
/** The RSS at the end may be this much above the RSS after the warm-up minute. */
const GROWTH_LIMIT_PCT = 10;
/** The RSS at a minute's end: the median of the samples (one a second) of its last 10 seconds. */
const RSS_WINDOW_MS = 10_000;
const RESULTS = path.join("bench", "soak-results.json");

function usage(message: string): never {
  console.error(`npm run soak: ${message}
usage: npm run soak -- [--scale demo|region] [--minutes 30] [--rate 20]`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "region" },
    minutes: { type: "string", default: "30" },
    rate: { type: "string", default: "20" },
  },
  strict: true,
});
const scale = args.scale as Scale;
if (!SCALES.includes(scale)) usage(`--scale ${args.scale}: one of ${SCALES.join(", ")}`);
const minutes = Number(args.minutes);
const rate = Number(args.rate);
if (!Number.isInteger(minutes) || minutes < 2) usage("--minutes: a whole number ≥ 2 (the first minute is the warm-up)");
if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) usage("--rate: requests per second, > 0");

/** The traffic: who asks for what, and how often (weights in % of all requests). */
function mix(
  f: HttpFixtures,
  s: SoakFixtures,
  cookies: Record<keyof HttpFixtures["users"], string>,
  writers: AutosaveSlot[],
): SoakRequest[] {
  const as = (cookie: string, ...paths: string[]) => paths.map((p) => ({ path: p, cookie }));
  const auditor = (...paths: string[]) => as(cookies.auditor, ...paths);
  const listPages = Array.from(
    { length: s.blankListPages },
    (_, i) => `/blanks?${new URLSearchParams({ ...f.blankList.filter, sort: "participant", dir: "asc", page: String(i + 1) })}`,
  );
  const requests: SoakRequest[] = [
    // Pages, by role.
    { name: "home /school (school coordinator)", weight: 8, expect: "html", variants: as(cookies.school, "/school") },
    { name: "home /municipality (MO coordinator)", weight: 6, expect: "html", variants: as(cookies.municipal, "/municipality") },
    { name: "home /region (region admin)", weight: 5, expect: "html", variants: as(cookies.admin, "/region") },
    { name: "home /region (region auditor)", weight: 5, expect: "html", variants: as(cookies.auditor, "/region") },
    {
      name: `blank list (auditor, ${f.blankList.label}, pages 1–${s.blankListPages})`,
      weight: 8,
      expect: "html",
      variants: auditor(...listPages),
    },
    { name: "blank list /blanks (MO coordinator)", weight: 3, expect: "html", variants: as(cookies.municipal, "/blanks") },
    {
      name: `open an accepted blank (auditor, ${s.acceptedBlankIds.length} blanks)`,
      weight: 5,
      expect: "html",
      variants: auditor(...s.acceptedBlankIds.map((id) => `/blanks/${id}`)),
    },
    { name: "campaign page (auditor)", weight: 2, expect: "html", variants: auditor(`/campaigns/${f.campaignId}`) },
    { name: "campaign dashboard (auditor)", weight: 5, expect: "html", variants: auditor(`/campaigns/${f.campaignId}/dashboard`) },
    { name: "roadmap list /plans (auditor)", weight: 4, expect: "html", variants: auditor("/plans") },
    { name: "roadmap list /plans (MO coordinator)", weight: 2, expect: "html", variants: as(cookies.municipal, "/plans") },
    {
      name: `a roadmap /plans/<id> (auditor, ${s.roadmapIds.length} plans)`,
      weight: 3,
      expect: "html",
      variants: auditor(...s.roadmapIds.map((id) => `/plans/${id}`)),
    },
    {
      name: "events list /plans/events (auditor, pages 1–2)",
      weight: 4,
      expect: "html",
      variants: auditor("/plans/events", "/plans/events?page=2"),
    },
    // Exports and PDFs, now and then.
    { name: "plans list XLSX (auditor)", weight: 1, expect: "xlsx", variants: auditor("/api/exports/plans?format=xlsx") },
    {
      name: `roadmap XLSX (auditor, ${s.roadmapIds.length} plans)`,
      weight: 1,
      expect: "xlsx",
      variants: auditor(...s.roadmapIds.map((id) => `/api/plans/${id}/export?format=xlsx`)),
    },
    {
      name: `events XLSX, the region's (${f.regionEvents} events)`,
      weight: 0.5,
      expect: "xlsx",
      variants: auditor("/api/exports/events?format=xlsx"),
    },
    {
      name: "campaign's blanks CSV (auditor)",
      weight: 0.5,
      expect: "csv",
      variants: auditor(`/api/exports/blanks?${new URLSearchParams({ campaignId: f.campaignId, format: "csv" })}`),
    },
    {
      name: `participant's audit PDF (auditor, ${s.auditBlankIds.length} blanks)`,
      weight: 1,
      expect: "pdf",
      variants: auditor(...s.auditBlankIds.map((id) => `/api/reports/audit/${id}`)),
    },
    {
      name: `regional campaign PDF (${f.campaignBlanks} blanks)`,
      weight: 0.5,
      expect: "pdf",
      variants: auditor(`/api/reports/campaign/${f.campaignId}`),
    },
  ];
  // Each coordinator opens the blank they fill in, between autosaves.
  if (writers.length)
    requests.push({
      name: `open the blank one fills in (${writers.length} coordinators)`,
      weight: 8,
      expect: "html",
      variants: writers.map((w) => ({ path: `/blanks/${w.blankId}`, cookie: w.cookie })),
    });
  return requests;
}
const AUTOSAVE_WEIGHT = 27.5;

interface Minute {
  minute: number;
  requests: number;
  errors: number;
  minuteRequests: number;
  p50: number;
  p95: number;
  inFlight: number;
  rssMb: number;
  workers: number;
}

const pgServer = await startTestServer(log);
let report: Awaited<ReturnType<typeof soak>>;
try {
  const url = await recreateDatabase(pgServer.url, "metodaudit_soak");
  await migrate({ databaseUrl: url, log });
  connectDb(url);
  await seedDemoData({ db: db(), scale, seed: 1, log });
  // Enough autosaving blanks that each is saved at most every few seconds at this rate.
  const fixtures = await prepareHttpFixtures({ scale, writers: Math.max(20, Math.ceil(rate * 2)), log });
  const soakFixtures = await prepareSoakFixtures(fixtures);
  await disconnectDb();
  report = await soak(url, fixtures, soakFixtures);
} finally {
  await disconnectDb().catch(() => {});
  await pgServer.stop();
}

async function soak(databaseUrl: string, fixtures: HttpFixtures, soakFixtures: SoakFixtures) {
  ensureBuild(log);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`Starting the production server on ${base}…`);
  const app = serveNext({
    port,
    // One auditor account downloads every export and PDF of the mix: near the per-user limit of 30 a minute.
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "soak-secret-0123456789-0123456789-0123456789",
      NEXTAUTH_URL: base,
      EXPORT_RATE_LIMIT: "0",
    },
  });
  try {
    await waitForServer(base, app);
    log("Signing in…");
    const cookies = {} as Record<keyof HttpFixtures["users"], string>;
    for (const [role, email] of Object.entries(fixtures.users)) cookies[role as keyof HttpFixtures["users"]] = await signIn(base, email);
    const slots: AutosaveSlot[] = [];
    for (const w of fixtures.writers) {
      slots.push({
        blankId: w.blankId,
        version: w.version,
        itemKey: w.itemKey,
        itemKind: w.itemKind,
        cookie: await signIn(base, w.email),
        counter: 0,
      });
    }
    if (slots.length === 0) throw new Error("autosave: no blank being filled in the campaign");
    const spec: SoakSpec = {
      base,
      rate,
      minutes,
      seed: 1,
      timeoutS: 60,
      maxInFlight: 500,
      requests: mix(fixtures, soakFixtures, cookies, slots),
      autosave: {
        name: `autosave (PATCH route handler, ${slots.length} coordinators, each their blank)`,
        weight: AUTOSAVE_WEIGHT,
        origin: base,
        slots,
      },
    };
    const totalWeight = spec.requests.reduce((sum, r) => sum + r.weight, 0) + spec.autosave!.weight;
    const shares = [...spec.requests, spec.autosave!].map((r) => ({
      name: r.name,
      sharePct: Math.round((r.weight / totalWeight) * 1000) / 10,
    }));
    log(`Mixed traffic: ${rate} requests/s for ${minutes} min (the first is the warm-up), ${shares.length} kinds of request:`);
    for (const s of shares) log(`  ${String(s.sharePct).padStart(4)} %  ${s.name}`);

    // The server's RSS, one sample a second.
    const samples: { at: number; kb: number }[] = [];
    const sample = () => samples.push({ at: Date.now(), kb: treeRssKb(app.pid!) });
    sample();
    const sampler = setInterval(sample, 1000);
    const rssNowMb = () => {
      const recent = samples
        .filter((s) => s.at >= Date.now() - RSS_WINDOW_MS)
        .map((s) => s.kb)
        .sort((a, b) => a - b);
      return Math.round((recent[Math.floor(recent.length / 2)] ?? 0) / 1024);
    };
    const minuteRows: Minute[] = [];
    const workersAtStart = new Set(childPids(app.pid!));
    const replaced = new Set<number>();
    let done: Extract<SoakLine, { type: "done" }> | undefined;
    try {
      done = await runSoakChild(spec, (line) => {
        sample();
        const workers = childPids(app.pid!);
        for (const pid of workersAtStart) if (!workers.includes(pid)) replaced.add(pid);
        const row: Minute = {
          minute: line.minute,
          requests: line.requests,
          errors: line.errors,
          minuteRequests: line.minuteRequests,
          p50: line.minuteP50,
          p95: line.minuteP95,
          inFlight: line.inFlight,
          rssMb: rssNowMb(),
          workers: workers.length,
        };
        minuteRows.push(row);
        log(
          `minute ${row.minute}/${minutes}${row.minute === 1 ? " (warm-up)" : ""}: ${row.requests} requests (${row.minuteRequests} this minute), ` +
            `errors so far ${row.errors}, p95 ${row.p95} ms (p50 ${row.p50}), in flight ${row.inFlight}, server RSS ${row.rssMb} MB` +
            (replaced.size ? `; ${replaced.size} server worker(s) exited and were replaced` : ""),
        );
      });
    } finally {
      clearInterval(sampler);
    }
    const peakRssMb = Math.round(Math.max(...samples.map((s) => s.kb)) / 1024);
    return { base, spec, shares, minuteRows, done, peakRssMb, workersReplaced: replaced.size };
  } finally {
    await stopChild(app);
  }
}

function runSoakChild(
  spec: SoakSpec,
  onMinute: (line: Extract<SoakLine, { type: "minute" }>) => void,
): Promise<Extract<SoakLine, { type: "done" }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/http/soak-child.ts"], {
      env: { ...inheritedEnvironment(), SOAK_SPEC: JSON.stringify(spec) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let done: Extract<SoakLine, { type: "done" }> | undefined;
    readline.createInterface({ input: child.stdout }).on("line", (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text) as SoakLine;
      if (line.type === "minute") onMinute(line);
      else done = line;
    });
    child.on("exit", (code) => {
      if (code !== 0 || !done) return reject(new Error(`the soak's load child exited with ${code}${done ? "" : " before its summary"}`));
      resolve(done);
    });
  });
}

// The verdict.
const { done, minuteRows, shares, peakRssMb, workersReplaced } = report;
if (!done) throw new Error("the soak's load child gave no summary");
const startMb = minuteRows[0]?.rssMb ?? 0;
const endMb = minuteRows.at(-1)?.rssMb ?? 0;
const growthPct = startMb > 0 ? Math.round(((endMb - startMb) / startMb) * 1000) / 10 : 0;
const errors = done.total.errors;
const pass = errors === 0 && growthPct <= GROWTH_LIMIT_PCT && workersReplaced === 0;
const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "",
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  at: new Date().toISOString(),
};
const results = {
  machine,
  options: { scale, minutes, rate, seed: report.spec.seed, timeoutS: report.spec.timeoutS },
  mix: shares,
  durationS: done.durationS,
  sent: done.sent,
  achievedRate: Math.round((done.sent / (minutes * 60)) * 10) / 10,
  total: done.total,
  errors,
  errorCounts: done.errorCounts,
  statusCodes: done.statusCodes,
  byRequest: done.byRequest,
  failures: done.failures,
  rss: {
    startMb,
    endMb,
    growthPct,
    limitPct: GROWTH_LIMIT_PCT,
    peakMb: peakRssMb,
    note: "the server's process tree; start: the end of the warm-up minute; each: the median of the last 10 s of 1-s samples",
  },
  workersReplaced,
  minutes: minuteRows,
  pass,
};
fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const width = Math.max(...Object.keys(done.byRequest).map((k) => k.length));
const lines = [
  `Soak: ${scale} scale, ${rate} requests/s for ${minutes} min (${done.sent} sent, ${done.total.requests} answered, ${results.achievedRate}/s)`,
  `errors: ${errors} (socket ${done.errorCounts.socket}, timeouts ${done.errorCounts.timeouts}, non-2xx ${done.errorCounts.status}, failed answers ${done.errorCounts.failed}, not sent ${done.errorCounts.dropped}) — must be 0: ${errors === 0 ? "ok" : "FAIL"}`,
  `latency, ms: p50 ${done.total.p50}, p95 ${done.total.p95}, p99 ${done.total.p99}, max ${done.total.max}`,
  `server RSS (process tree): ${startMb} MB after the warm-up minute, ${endMb} MB at the end: ${growthPct >= 0 ? "+" : ""}${growthPct} % (≤ ${GROWTH_LIMIT_PCT} %: ${growthPct <= GROWTH_LIMIT_PCT ? "ok" : "FAIL"}); peak ${peakRssMb} MB`,
  ...(workersReplaced ? [`server workers that exited and were replaced: ${workersReplaced} — FAIL`] : []),
  "",
  `${"request".padEnd(width)}  requests  errors   p50 ms   p95 ms   p99 ms`,
  ...Object.entries(done.byRequest).map(
    ([name, r]) =>
      `${name.padEnd(width)}  ${String(r.requests).padStart(8)}  ${String(r.errors).padStart(6)}  ${String(r.p50).padStart(7)}  ${String(r.p95).padStart(7)}  ${String(r.p99).padStart(7)}`,
  ),
  ...(done.failures.length ? ["", "first failures:", ...done.failures.map((f) => `  ${f}`)] : []),
  "",
  `${pass ? "PASS" : "FAIL"} (results in ${RESULTS})`,
];
console.log(lines.join("\n"));
process.exit(pass ? 0 : 1);
