// The soak's load, in a process of its own (not the server's, not the orchestrator's): reads a
// SoakSpec as JSON on its stdin (at national scale it is larger than an environment variable may be) and sends its mix of requests at a steady rate for `durationS`
// (an open loop: a request goes out on time whether or not the earlier ones have been answered,
// so a slow server shows as latency and requests in flight, not as a lower rate). A request's
// latency runs from the moment it was due (started + n / rate), not from when it went out: a
// timer of this process that fires late, or an autosave that waits for its blank, counts in its
// time, so no stall goes unmeasured (no coordinated omission). Each request is drawn by weight
// from a seeded generator; its variants (paths and users) are taken in turn; an autosave takes a
// blank that is not being saved (or waits for one) and keeps the version it gets back.
// Prints a "minute" line (JSON) at the end of every `reportS` and a "done" line after the last
// answers are in, with the percentiles of all requests and of those due after the warm-up.
import { text } from "node:stream/consumers";
import { autosaveRequest, autosaveSaved } from "./autosave";
import type { ErrorCounts, Expect, Percentiles, SoakLine, SoakSpec } from "./soak-types";
import type { AutosaveSlot } from "./types";

const spec = JSON.parse(await text(process.stdin)) as SoakSpec;
const emit = (line: SoakLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function percentiles(latencies: number[], errors: number): Percentiles {
  const sorted = latencies.toSorted((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** mulberry32: a small seeded generator, so that two runs send the same sequence. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Kind {
  name: string;
  weight: number;
  next: number;
  latencies: number[];
  errors: number;
}
const kinds: Kind[] = spec.requests.map((r) => ({ name: r.name, weight: r.weight, next: 0, latencies: [], errors: 0 }));
const autosaveKind: Kind | undefined = spec.autosave && {
  name: spec.autosave.name,
  weight: spec.autosave.weight,
  next: 0,
  latencies: [],
  errors: 0,
};
const all = autosaveKind ? [...kinds, autosaveKind] : kinds;
const totalWeight = all.reduce((sum, k) => sum + k.weight, 0);
const random = seeded(spec.seed);
const freeSlots: AutosaveSlot[] = [...(spec.autosave?.slots ?? [])];

const latencies: number[] = [];
/** Requests due after the warm-up (spec.warmUpS): what the verdict judges. */
const judgedLatencies: number[] = [];
let judgedErrors = 0;
let minuteLatencies: number[] = [];
const errorCounts: ErrorCounts = { socket: 0, timeouts: 0, status: 0, failed: 0, dropped: 0 };
const statusCodes: Record<string, number> = {};
const failures: string[] = [];
let sent = 0;
let inFlight = 0;
const errorTotal = () => Object.values(errorCounts).reduce((a, b) => a + b, 0);

function fail(kind: Kind, type: keyof ErrorCounts, detail: string, due: number) {
  errorCounts[type] += 1;
  kind.errors += 1;
  if (judged(due)) judgedErrors += 1;
  if (failures.length < 10) {
    const line = `${new Date().toISOString()} ${kind.name}: ${type}: ${detail.slice(0, 300)}`;
    failures.push(line);
    console.error(`[soak-child] ${line}`);
  }
}

/** Whether a 2xx body is what was asked for (exports and PDFs by their magic bytes). */
function wellFormed(expect: Expect, body: Uint8Array): boolean {
  const head = Buffer.from(body.subarray(0, 5)).toString("latin1");
  if (expect === "pdf") return head.startsWith("%PDF-");
  if (expect === "xlsx") return head.startsWith("PK");
  if (expect === "csv") return body.length > 0;
  return Buffer.from(body.subarray(Math.max(0, body.length - 200)))
    .toString("utf8")
    .includes("</html>");
}

/**
 * Sends one request and checks its answer. `due`: when it was due to go out (its latency starts
 * there); an autosave that waited for its blank counts the wait in its time. The caller counted it
 * in `inFlight`.
 */
async function send(
  kind: Kind,
  request: { method: string; path: string; headers: Record<string, string>; body?: string },
  check: (body: Uint8Array) => string | undefined,
  due: number,
) {
  sent += 1;
  try {
    const response = await fetch(`${spec.base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(spec.timeoutS * 1000),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const ms = performance.now() - due;
    latencies.push(ms);
    if (judged(due)) judgedLatencies.push(ms);
    minuteLatencies.push(ms);
    kind.latencies.push(ms);
    statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
    if (response.status < 200 || response.status >= 300) {
      const where = response.headers.get("location");
      fail(
        kind,
        "status",
        `${request.method} ${request.path} → ${response.status}${where ? ` (location ${where})` : ""}: ${Buffer.from(body.subarray(0, 300)).toString("utf8")}`,
        due,
      );
    } else {
      const problem = check(body);
      if (problem) fail(kind, "failed", `${request.method} ${request.path}: ${problem}`, due);
    }
  } catch (error) {
    const name = (error as Error).name;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (name === "TimeoutError" || name === "AbortError")
      fail(kind, "timeouts", `${request.method} ${request.path}: no answer in ${spec.timeoutS} s`, due);
    else
      fail(
        kind,
        "socket",
        `${request.method} ${request.path}: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`,
        due,
      );
  } finally {
    inFlight -= 1;
  }
}

/**
 * An autosave takes a blank no save is pending for (the form does not send a second save of a
 * blank before the first is answered: it would carry a stale version); with none free, it waits
 * for the first blank to be answered, as the user's next save would.
 */
const waitingAutosaves: number[] = [];
function autosave(kind: Kind, slot: AutosaveSlot, due: number) {
  const request = autosaveRequest(slot, spec.autosave!);
  void send(
    kind,
    request,
    (body) =>
      autosaveSaved(slot, Buffer.from(body).toString("utf8"))
        ? undefined
        : `no new version in ${Buffer.from(body.subarray(0, 300)).toString("utf8")}`,
    due,
  ).finally(() => {
    const next = waitingAutosaves.shift();
    if (next === undefined) freeSlots.unshift(slot);
    else autosave(kind, slot, next);
  });
}

/** Sends the request due at `due` (its scheduled time, maybe a moment ago). */
function fire(due: number) {
  let pick = random() * totalWeight;
  const kind = all.find((k) => (pick -= k.weight) < 0) ?? all.at(-1)!;
  if (inFlight >= spec.maxInFlight) return fail(kind, "dropped", `${inFlight} requests waiting for their answers`, due);
  inFlight += 1;
  if (kind === autosaveKind) {
    const slot = freeSlots.pop();
    if (slot) autosave(kind, slot, due);
    else waitingAutosaves.push(due);
    return;
  }
  const definition = spec.requests[kinds.indexOf(kind)]!;
  const variant = definition.variants[kind.next++ % definition.variants.length]!;
  void send(
    kind,
    { method: "GET", path: variant.path, headers: { cookie: variant.cookie } },
    (body) => (wellFormed(definition.expect, body) ? undefined : `not a whole ${definition.expect} (${body.length} bytes)`),
    due,
  );
}

const interval = 1000 / spec.rate;
const started = performance.now();
const end = started + spec.durationS * 1000;
const judged = (due: number) => due >= started + spec.warmUpS * 1000;
let scheduled = 0;

let minute = 0;
const reports = Math.floor(spec.durationS / spec.reportS);
const reportMs = spec.reportS * 1000;
/** At the end of every reportS, its line; resolves after the last. */
const minutes = new Promise<void>((resolve) => {
  const report = () => {
    minute += 1;
    const sorted = minuteLatencies.toSorted((a, b) => a - b);
    emit({
      type: "minute",
      minute,
      requests: latencies.length,
      errors: errorTotal(),
      minuteRequests: sorted.length,
      minuteP50: round(percentile(sorted, 50)),
      minuteP95: round(percentile(sorted, 95)),
      inFlight,
    });
    minuteLatencies = [];
    if (minute >= reports) return resolve();
    setTimeout(report, Math.max(0, started + (minute + 1) * reportMs - performance.now()));
  };
  if (reports === 0) return resolve();
  setTimeout(report, Math.max(0, started + reportMs - performance.now()));
});
await new Promise<void>((resolve) => {
  // Drift-free: the n-th request is due at started + n × interval; a late timer sends the ones due.
  const tick = () => {
    const now = performance.now();
    while (started + scheduled * interval <= now && started + scheduled * interval < end) {
      const due = started + scheduled * interval;
      scheduled += 1;
      fire(due);
    }
    const due = started + scheduled * interval;
    if (due >= end) return resolve();
    setTimeout(tick, Math.max(0, due - performance.now()));
  };
  tick();
});
await minutes;
// Autosaves still waiting for their blank at the end are not sent (the server fell behind); the
// requests sent have their answers, or their timeouts.
for (const due of waitingAutosaves.splice(0)) {
  inFlight -= 1;
  fail(autosaveKind!, "dropped", "still waiting for its blank at the end", due);
}
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
emit({
  type: "done",
  durationS: round((performance.now() - started) / 1000),
  sent,
  total: percentiles(latencies, errorTotal()),
  judged: percentiles(judgedLatencies, judgedErrors),
  errorCounts,
  statusCodes,
  byRequest: Object.fromEntries(all.map((k) => [k.name, percentiles(k.latencies, k.errors)])),
  failures,
  slots: (spec.autosave?.slots ?? []).map((s) => ({ blankId: s.blankId, version: s.version, counter: s.counter })),
});
process.exit(0);
