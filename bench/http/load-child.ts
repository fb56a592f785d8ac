// One load run, in a process of its own (not the server's, not the orchestrator's): reads a
// LoadSpec as JSON on its stdin (many writers' cookies outgrow an environment variable), drives it for `duration` seconds with `connections`
// concurrent clients, and prints a LoadResult as JSON on its last line.
//   - "http": autocannon against the production server; every response's time is kept, so
//     p50/p95/p99 are exact (autocannon's own histogram has p97.5, not p95).
//   - "sql":  the same loop over one hand-written query through `pg` (a Pool of `connections`).
//   - autosave: each connection owns one blank (and its coordinator's cookie) and sends the
//     Next server action's POST with the version it got back last, as the form does.
import { text } from "node:stream/consumers";
import autocannon from "autocannon";
import pg from "pg";
import { autosaveRequest, autosaveSaved } from "./autosave";
import type { LoadResult, LoadSpec } from "./types";

const spec = JSON.parse(await text(process.stdin)) as LoadSpec;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarise(
  latencies: number[],
  seconds: number,
  extra: Omit<LoadResult, "requests" | "rps" | "p50" | "p95" | "p99" | "mean" | "max">,
): LoadResult {
  const sorted = latencies.toSorted((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: sorted.length,
    rps: round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    max: round(sorted.at(-1) ?? 0),
    ...extra,
  };
}

async function runSql(s: Extract<LoadSpec, { kind: "sql" }>): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: s.connections });
  let rows = 0;
  // Warm-up: connections open, the plan cached.
  await Promise.all(Array.from({ length: s.connections }, async () => (rows = (await pool.query(s.sql, s.params)).rowCount ?? 0)));
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + s.duration * 1000;
  await Promise.all(
    Array.from({ length: s.connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await pool.query(s.sql, s.params);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors++;
          if (errors === 1) console.error(`[load-child] ${s.label}: ${(error as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // The same query, one at a time: its bare time without queueing.
  const serial: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await pool.query(s.sql, s.params);
    serial.push(performance.now() - t);
  }
  await pool.end();
  return {
    ...summarise(latencies, seconds, { errors, non2xx: 0, statusCodes: {}, bytes: 0 }),
    rows,
    serialP50:
      Math.round(
        percentile(
          serial.toSorted((a, b) => a - b),
          50,
        ) * 10,
      ) / 10,
  };
}

async function runHttp(s: Extract<LoadSpec, { kind: "http" }>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let bytes = 0;
  const failure = s.failurePattern ? new RegExp(s.failurePattern) : undefined;
  const check = (status: number, body: string | undefined) => {
    if (status < 400 && !(failure && body && failure.test(body))) return;
    failed++;
    firstFailure ??= `${status}: ${(body ?? "").slice(0, 300)}`;
  };
  // autocannon resets a connection's context after every response, so the autosave slots
  // (blank, version, cookie) live in a free list: a connection takes one per request and
  // gives it back with the version the server answered. There are more slots than connections.
  const free = [...(s.autosave?.slots ?? [])];
  type Slot = (typeof free)[number];
  const request: autocannon.Request = s.autosave
    ? {
        setupRequest: (req, context: Record<string, unknown>) => {
          const slot = free.pop();
          if (!slot) throw new Error("autosave: more connections than blanks");
          context.slot = slot;
          return { ...req, ...autosaveRequest(slot, s.autosave!) };
        },
        onResponse: (status, body, context: Record<string, unknown>) => {
          const slot = context.slot as Slot;
          const saved = autosaveSaved(slot, body);
          free.unshift(slot);
          // A saved blank answers with its new version; anything else (an error, a page) failed.
          check(saved ? status : Math.max(status, 500), body);
        },
      }
    : { onResponse: (status, body) => check(status, body) };
  const instance = autocannon({
    url: s.url,
    method: s.method ?? "GET",
    headers: s.headers,
    body: s.body,
    connections: s.connections,
    duration: s.duration,
    timeout: 60,
    requests: [request],
  });
  instance.on("response", (_client: unknown, _statusCode: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
  });
  instance.on("reqError", (error: Error) => {
    firstFailure ??= `request error: ${error.message}`;
  });
  const result = await instance;
  return {
    ...summarise(latencies, result.duration, {
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]),
      ),
      bytes,
    }),
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, rps: result.requests.average },
    failed,
    firstFailure,
  };
}

const result = spec.kind === "sql" ? await runSql(spec) : await runHttp(spec);
console.log(JSON.stringify(result));
process.exit(0);
