// `npm run soak -- [--scale demo|region|national] [--minutes 30] [--rate 20|model] [--mix standard|model]`
//                  [--find-capacity [--from 10] [--to 330] [--step-seconds 90] [--confirm-seconds 180]] [--model]:
// the soak, with the benchmarks and like them not a test. Starts PostgreSQL (DATABASE_URL's server,
// else an embedded one), loads the demo and the generated data of the scale into a database of its
// own ("metodaudit_soak"), serves the production build (`npm start`'s cluster) and sends it a
// steady mix of the users' traffic for `--minutes` from a second process (bench/http/soak-child.ts),
// open-loop. Every minute: requests, errors so far, p95 and the server's RSS (its whole process
// tree). At the end: bench/soak-results.json and a summary.
//  --mix standard: each role's pages, autosaves, now and then an export and a PDF (fixed weights);
//  --mix model:    the coordinators' fill of a national deadline day (bench/load-model.ts);
//  --rate model:   that model's peak rate; --model prints the model's derivation and exits.
//  --scale national defaults to --mix model --rate model --minutes 10: issue 19's target 5.
// It passes (bench/soak-verdict.ts) with the p95 of the requests due after the first minute (the
// warm-up: the workers load their code and fill their caches) at most 300 ms, no errors at all, no
// server worker exited, and the RSS at the end at most 10 % above the RSS after the warm-up; else exit 1.
// --find-capacity: instead of one run, steps of --step-seconds at rates rising by half from --from
// up to --to (one more step halfway into the first gap), then the highest passing rate once more
// for --confirm-seconds; prints that rate (the box's capacity) next to the modelled peak.
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
import { BENCH_LIMITS, LIMITS_NOTE } from "./suites/http";
import { prepareHttpFixtures, type HttpFixtures } from "./http/fixtures";
import { childPids, treeRssKb } from "./http/rss";
import { freePort, signIn, waitForServer } from "./http/server";
import { prepareSoakFixtures, type SoakFixtures } from "./http/soak-fixtures";
import type { SoakLine, SoakRequest, SoakSpec } from "./http/soak-types";
import type { AutosaveSlot } from "./http/types";
import { derivation, loadModel, REQUEST_LABELS, soakShares } from "./load-model";
import {
  type CapacityPlan,
  type CapacityResult,
  type CapacityStep,
  GROWTH_LIMIT_PCT,
  growthPct,
  nextCapacityStep,
  P95_LIMIT_MS,
  soakVerdict,
  type StepResult,
} from "./soak-verdict";

const log = (line: string) => console.error(`[soak] ${line}`);
const SCALES = ["demo", "region", "national"] as const;
type Scale = (typeof SCALES)[number];
const MIXES = ["standard", "model"] as const;
type Mix = (typeof MIXES)[number];
/** The run's first minute is its warm-up: not judged for p95, and the RSS it ends with is the baseline. */
const WARM_UP_S = 60;
/** A capacity step's first seconds are not judged (the server settles to the new rate). */
const STEP_WARM_UP_S = 15;
/** The RSS at a minute's end: the median of the samples (one a second) of its last 10 seconds. */
const RSS_WINDOW_MS = 10_000;
const RESULTS = path.join("bench", "soak-results.json");
const CAPACITY_RESULTS = path.join("bench", "soak-capacity.json");
const USAGE = `usage: npm run soak -- [--scale demo|region|national] [--minutes 30] [--rate 20|model] [--mix standard|model]
                     [--find-capacity [--from 10] [--to <3 × the modelled peak>] [--step-seconds 90] [--confirm-seconds 180]] [--model]`;

function usage(message: string): never {
  console.error(`npm run soak: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "region" },
    minutes: { type: "string" },
    rate: { type: "string" },
    mix: { type: "string" },
    model: { type: "boolean", default: false },
    "find-capacity": { type: "boolean", default: false },
    from: { type: "string", default: "10" },
    to: { type: "string" },
    "step-seconds": { type: "string", default: "90" },
    "confirm-seconds": { type: "string", default: "180" },
  },
  strict: true,
});
const model = loadModel();
const modelRate = Math.round(model.peakRate * 10) / 10;
if (args.model) {
  console.log(derivation(model).join("\n"));
  process.exit(0);
}
const scale = args.scale as Scale;
if (!SCALES.includes(scale)) usage(`--scale ${args.scale}: one of ${SCALES.join(", ")}`);
// The national scale is the deadline day's: its model's mix and rate, for the 10 minutes the issue asks.
const national = scale === "national";
const minutes = Number(args.minutes ?? (national ? "10" : "30"));
const mixName = (args.mix ?? (national ? "model" : "standard")) as Mix;
const rateArg = args.rate ?? (national ? "model" : "20");
const rate = rateArg === "model" ? modelRate : Number(rateArg);
const findCapacity = args["find-capacity"];
const capacityPlan: CapacityPlan = {
  fromRate: Number(args.from),
  growth: 1.5,
  toRate: Number(args.to ?? Math.ceil(modelRate * 3)),
  stepS: Number(args["step-seconds"]),
  confirmS: Number(args["confirm-seconds"]),
  refineSteps: 1,
  maxConfirmations: 2,
};
if (!MIXES.includes(mixName)) usage(`--mix ${args.mix}: one of ${MIXES.join(", ")}`);
if (!Number.isInteger(minutes) || minutes < 2) usage("--minutes: a whole number ≥ 2 (the first minute is the warm-up)");
if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) usage("--rate: requests per second, > 0, or model");
if (findCapacity) {
  const { fromRate, toRate, stepS, confirmS } = capacityPlan;
  if (!(fromRate > 0 && toRate >= fromRate && toRate <= 1000)) usage("--from, --to: requests per second, 0 < from ≤ to ≤ 1000");
  if (!(Number.isInteger(stepS) && stepS >= 2 * STEP_WARM_UP_S)) usage(`--step-seconds: a whole number ≥ ${2 * STEP_WARM_UP_S}`);
  if (!(Number.isInteger(confirmS) && confirmS >= stepS)) usage("--confirm-seconds: a whole number ≥ --step-seconds");
}
/** The highest rate any run sends: the autosaving blanks are enough for it. */
const maxRate = findCapacity ? capacityPlan.toRate : rate;

/** The traffic: who asks for what, and how often (weights in % of all requests). */
function mix(
  f: HttpFixtures,
  s: SoakFixtures,
  cookies: Record<keyof HttpFixtures["users"], string>,
  writers: AutosaveSlot[],
): SoakRequest[] {
  return mixName === "model" ? modelMix(cookies, writers) : standardMix(f, s, cookies, writers);
}

/**
 * The deadline day's traffic (bench/load-model.ts): coordinators filling in their blanks, each
 * writer as a school coordinator on their own pages; the municipal home as the bench's MO account.
 */
function modelMix(cookies: Record<keyof HttpFixtures["users"], string>, writers: AutosaveSlot[]): SoakRequest[] {
  const shares = soakShares(model);
  const pct = (n: number | undefined) => Math.round((n ?? 0) * 10_000) / 100;
  const each = (p: (w: AutosaveSlot) => string) => writers.map((w) => ({ path: p(w), cookie: w.cookie }));
  return [
    {
      name: `${REQUEST_LABELS.homeSchool} (${writers.length} coordinators)`,
      weight: pct(shares.homeSchool),
      expect: "html",
      variants: each(() => "/school"),
    },
    {
      name: `${REQUEST_LABELS.homeMunicipality} (MO coordinator)`,
      weight: pct(shares.homeMunicipality),
      expect: "html",
      variants: [{ path: "/municipality", cookie: cookies.municipal }],
    },
    {
      name: `${REQUEST_LABELS.blankList} (${writers.length} coordinators)`,
      weight: pct(shares.blankList),
      expect: "html",
      variants: each(() => "/blanks"),
    },
    {
      name: `open the blank one fills in (${writers.length} coordinators)`,
      weight: pct(shares.blank),
      expect: "html",
      variants: each((w) => `/blanks/${w.blankId}`),
    },
  ];
}

/** The standard mix: every role's pages, exports and PDFs now and then, and the coordinators' autosaves. */
function standardMix(
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
const AUTOSAVE_WEIGHT = mixName === "model" ? Math.round((soakShares(model).autosave ?? 0) * 10_000) / 100 : 27.5;

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

type Done = Extract<SoakLine, { type: "done" }>;

const pgServer = await startTestServer(log);
let report: Awaited<ReturnType<typeof soak>>;
try {
  const url = await recreateDatabase(pgServer.url, "metodaudit_soak");
  await migrate({ databaseUrl: url, log });
  connectDb(url);
  await seedDemoData({ db: db(), scale, seed: 1, log });
  // Enough autosaving blanks that each is saved at most every few seconds at the highest rate.
  const fixtures = await prepareHttpFixtures({ scale, writers: Math.min(1000, Math.max(20, Math.ceil(maxRate * 2))), log });
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
  // One auditor account downloads every export and PDF of the mix, and hundreds of writers sign in from one address.
  log(`Starting the production server on ${base}, with its rate limits out of the way (${LIMITS_NOTE})…`);
  const app = serveNext({
    port,
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "soak-secret-0123456789-0123456789-0123456789",
      NEXTAUTH_URL: base,
      ...BENCH_LIMITS,
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
      durationS: minutes * 60,
      warmUpS: WARM_UP_S,
      reportS: 60,
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
    log(
      `The ${mixName} mix${mixName === "model" ? ` (bench/load-model.ts: peak ${modelRate} req/s)` : ""}, ${shares.length} kinds of request:`,
    );
    for (const s of shares) log(`  ${String(s.sharePct).padStart(4)} %  ${s.name}`);
    // A blank is saved once at a time (as the form does): too few blanks for the autosaves' rate and
    // the saves wait for their blank, which counts in their latency: the bench's limit, not the server's.
    const autosavesPerSlotS = (spec.autosave!.weight / totalWeight) * (maxRate / slots.length);
    if (autosavesPerSlotS > 2)
      log(
        `warning: ${slots.length} blanks being filled for ${Math.round((spec.autosave!.weight / totalWeight) * maxRate * 10) / 10} autosaves/s at ${maxRate} req/s: ` +
          `each blank's saves wait for the one before (a larger scale has more blanks)`,
      );

    // The server's RSS and its workers, one sample a second: a worker that exits (a crash, the
    // memory limit) is replaced by the cluster within a second or two, so its pid is what tells.
    const samples: { at: number; kb: number }[] = [];
    const workersSeen = new Set<number>();
    const workersExited = new Set<number>();
    let serverGone = false;
    const sample = () => {
      if (!serverGone && (app.exitCode !== null || app.signalCode !== null)) {
        serverGone = true;
        log(`the server itself exited (${app.signalCode ?? app.exitCode}): every request from now on fails`);
      }
      samples.push({ at: Date.now(), kb: treeRssKb(app.pid!) });
      const workers = childPids(app.pid!);
      for (const pid of workersSeen) if (!workers.includes(pid)) workersExited.add(pid);
      for (const pid of workers) workersSeen.add(pid);
      return workers.length;
    };
    sample();
    const sampler = setInterval(sample, 1000);
    const rssNowMb = () => {
      const recent = samples
        .filter((s) => s.at >= Date.now() - RSS_WINDOW_MS)
        .map((s) => s.kb)
        .sort((a, b) => a - b);
      return Math.round((recent[Math.floor(recent.length / 2)] ?? 0) / 1024);
    };
    try {
      if (findCapacity) return { kind: "capacity" as const, shares, ...(await searchCapacity(spec, sample, workersExited)) };
      const minuteRows: Minute[] = [];
      log(`${rate} requests/s for ${minutes} min (the first is the warm-up), open-loop`);
      const done = await runSoakChild(spec, (line) => {
        const workers = sample();
        const row: Minute = {
          minute: line.minute,
          requests: line.requests,
          errors: line.errors,
          minuteRequests: line.minuteRequests,
          p50: line.minuteP50,
          p95: line.minuteP95,
          inFlight: line.inFlight,
          rssMb: rssNowMb(),
          workers,
        };
        minuteRows.push(row);
        log(
          `minute ${row.minute}/${minutes}${row.minute === 1 ? " (warm-up)" : ""}: ${row.requests} requests (${row.minuteRequests} this minute), ` +
            `errors so far ${row.errors}, p95 ${row.p95} ms (p50 ${row.p50}), in flight ${row.inFlight}, server RSS ${row.rssMb} MB` +
            (workersExited.size ? `; ${workersExited.size} server worker(s) exited` : ""),
        );
      });
      sample();
      const peakRssMb = Math.round(Math.max(...samples.map((s) => s.kb)) / 1024);
      return { kind: "run" as const, spec, shares, minuteRows, done, peakRssMb, workersExited: workersExited.size };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await stopChild(app);
  }
}

/** Steps the rate up (bench/soak-verdict.ts's nextCapacityStep), each step a run of the load child of its own. */
async function searchCapacity(spec: SoakSpec, sample: () => number, workersExited: Set<number>) {
  const { fromRate, toRate, stepS, confirmS } = capacityPlan;
  log(
    `Capacity: steps of ${stepS} s (the first ${STEP_WARM_UP_S} s not judged) from ${fromRate} req/s, × ${capacityPlan.growth} each, up to ${toRate}; ` +
      `then the highest passing rate for ${confirmS} s. Passing: p95 ≤ ${P95_LIMIT_MS} ms, no errors, no worker exited.`,
  );
  // The workers' first requests load their code and fill their caches: a step of its own, not judged.
  const warmUpS = Math.min(WARM_UP_S, stepS);
  const warm = await runSoakChild({ ...spec, rate: fromRate, durationS: warmUpS, warmUpS, reportS: warmUpS + 1 }, () => {});
  log(`warm-up ${fromRate} req/s for ${warmUpS} s (not judged): p95 ${warm.total.p95} ms, errors ${warm.total.errors}`);
  const steps: (StepResult & { p95: number; p50: number; errors: number; sent: number })[] = [];
  for (;;) {
    const next = nextCapacityStep(capacityPlan, steps);
    if (!("purpose" in next)) return { steps, result: next as CapacityResult };
    const step = next as CapacityStep;
    const exitedBefore = workersExited.size;
    const done = await runSoakChild(
      { ...spec, rate: step.rate, durationS: step.seconds, warmUpS: STEP_WARM_UP_S, reportS: step.seconds + 1 },
      () => {},
    );
    sample();
    const verdict = soakVerdict({ p95: done.judged.p95, errors: done.total.errors, workersExited: workersExited.size - exitedBefore });
    steps.push({ ...step, pass: verdict.pass, p95: done.judged.p95, p50: done.judged.p50, errors: done.total.errors, sent: done.sent });
    log(
      `${step.purpose} ${step.rate} req/s for ${step.seconds} s: p95 ${done.judged.p95} ms (p50 ${done.judged.p50}), errors ${done.total.errors}` +
        `${workersExited.size > exitedBefore ? `, ${workersExited.size - exitedBefore} worker(s) exited` : ""}: ${verdict.pass ? "pass" : "FAIL"}`,
    );
  }
}

function runSoakChild(spec: SoakSpec, onMinute: (line: Extract<SoakLine, { type: "minute" }>) => void): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/http/soak-child.ts"], {
      env: inheritedEnvironment(),
      stdio: ["pipe", "pipe", "inherit"],
    });
    child.stdin.end(JSON.stringify(spec));
    let done: Done | undefined;
    readline.createInterface({ input: child.stdout }).on("line", (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text) as SoakLine;
      if (line.type === "minute") onMinute(line);
      else done = line;
    });
    child.on("exit", (code) => {
      if (code !== 0 || !done) return reject(new Error(`the soak's load child exited with ${code}${done ? "" : " before its summary"}`));
      // The blanks' versions moved on with the saves: the next run (a capacity step) saves from them.
      for (const slot of spec.autosave?.slots ?? [])
        Object.assign(
          slot,
          done.slots.find((s) => s.blankId === slot.blankId),
        );
      resolve(done);
    });
  });
}

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "",
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  at: new Date().toISOString(),
};

if (report.kind === "capacity") {
  const { steps, result, shares } = report;
  fs.writeFileSync(
    CAPACITY_RESULTS,
    `${JSON.stringify({ machine, options: { scale, mix: mixName, ...capacityPlan }, modelledPeak: modelRate, mix: shares, steps, result }, null, 2)}\n`,
  );
  const capacity = `${result.atLeast ? "≥ " : ""}${result.capacity} req/s${result.confirmed ? "" : " (not confirmed)"}`;
  const meets = result.capacity >= modelRate;
  console.log(
    [
      `Capacity search: ${scale} scale, the ${mixName} mix (results in ${CAPACITY_RESULTS})`,
      "",
      "step       req/s  seconds   p50 ms   p95 ms  errors",
      ...steps.map(
        (s) =>
          `${s.purpose.padEnd(8)} ${String(s.rate).padStart(7)}  ${String(s.seconds).padStart(7)}  ${String(s.p50).padStart(7)}  ${String(s.p95).padStart(7)}  ${String(s.errors).padStart(6)}  ${s.pass ? "pass" : "FAIL"}`,
      ),
      "",
      `capacity (p95 ≤ ${P95_LIMIT_MS} ms, no errors): ${capacity}; the modelled peak (bench/load-model.ts): ${modelRate} req/s — ${meets ? "at or above it" : "BELOW it"}`,
    ].join("\n"),
  );
  process.exit(0);
}

// The verdict of the run.
const { done, minuteRows, shares, peakRssMb, workersExited } = report;
const startMb = minuteRows[0]?.rssMb ?? 0;
const endMb = minuteRows.at(-1)?.rssMb ?? 0;
const growth = growthPct({ startMb, endMb });
const errors = done.total.errors;
const verdict = soakVerdict({ p95: done.judged.p95, errors, workersExited, rss: { startMb, endMb } });
const results = {
  machine,
  options: { scale, mix: mixName, minutes, rate, modelledPeak: modelRate, seed: report.spec.seed, timeoutS: report.spec.timeoutS },
  mix: shares,
  durationS: done.durationS,
  sent: done.sent,
  achievedRate: Math.round((done.sent / (minutes * 60)) * 10) / 10,
  total: done.total,
  afterWarmUp: done.judged,
  errors,
  errorCounts: done.errorCounts,
  statusCodes: done.statusCodes,
  byRequest: done.byRequest,
  failures: done.failures,
  rss: {
    startMb,
    endMb,
    growthPct: growth,
    limitPct: GROWTH_LIMIT_PCT,
    peakMb: peakRssMb,
    note: "the server's process tree; start: the end of the warm-up minute; each: the median of the last 10 s of 1-s samples",
  },
  workersExited,
  minutes: minuteRows,
  checks: verdict.checks,
  pass: verdict.pass,
};
fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const width = Math.max(...Object.keys(done.byRequest).map((k) => k.length));
const lines = [
  `Soak: ${scale} scale, the ${mixName} mix, ${rate} requests/s${rate === modelRate ? " (the modelled peak)" : ""} for ${minutes} min ` +
    `(${done.sent} sent, ${done.total.requests} answered, ${results.achievedRate}/s), open-loop: latency from each request's due time`,
  `errors: ${errors} (socket ${done.errorCounts.socket}, timeouts ${done.errorCounts.timeouts}, non-2xx ${done.errorCounts.status}, failed answers ${done.errorCounts.failed}, not sent ${done.errorCounts.dropped})`,
  `latency after the warm-up minute, ms: p50 ${done.judged.p50}, p95 ${done.judged.p95}, p99 ${done.judged.p99}, max ${done.judged.max} ` +
    `(whole run: p95 ${done.total.p95}, max ${done.total.max})`,
  `server RSS (process tree): ${startMb} MB after the warm-up minute, ${endMb} MB at the end; peak ${peakRssMb} MB`,
  "",
  ...verdict.checks.map((c) => `${c.ok ? "ok  " : "FAIL"}  ${c.label}`),
  "",
  `${"request".padEnd(width)}  requests  errors   p50 ms   p95 ms   p99 ms`,
  ...Object.entries(done.byRequest).map(
    ([name, r]) =>
      `${name.padEnd(width)}  ${String(r.requests).padStart(8)}  ${String(r.errors).padStart(6)}  ${String(r.p50).padStart(7)}  ${String(r.p95).padStart(7)}  ${String(r.p99).padStart(7)}`,
  ),
  ...(done.failures.length ? ["", "first failures:", ...done.failures.map((f) => `  ${f}`)] : []),
  "",
  `${verdict.pass ? "PASS" : "FAIL"} (results in ${RESULTS})`,
];
console.log(lines.join("\n"));
process.exit(verdict.pass ? 0 : 1);
