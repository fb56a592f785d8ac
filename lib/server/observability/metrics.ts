import "server-only";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status">;
  jobDuration: Histogram<"queue">;
}

/**
 * One registry per process, on globalThis under a registered symbol: the worker's HTTP server
 * (serve-worker.ts, bundled by esbuild) times the requests and Next's compiled server adds the
 * database, queue and replica gauges (register-app-metrics.ts) and serves /api/metrics, each with
 * its own copy of this module. The cluster's primary sums the workers' registries (cluster-primary.ts).
 */
const KEY = Symbol.for("metodaudit.metrics");
const shared = globalThis as unknown as { [KEY]?: Metrics };

export function metrics(): Metrics {
  if (shared[KEY]) return shared[KEY];
  const registry = new Registry();
  // Node's own: CPU, memory, event loop lag, handles, GC; summed or averaged over the workers by the primary.
  collectDefaultMetrics({ register: registry });
  shared[KEY] = {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern, method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "job_duration_seconds",
      help: "Time a background job took to run, by queue",
      labelNames: ["queue"],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
  };
  return shared[KEY];
}

/** Runs `job` and records how long it took in job_duration_seconds, whether it succeeded or failed. */
export async function timeJob<T>(queue: string, job: () => Promise<T>): Promise<T> {
  const end = metrics().jobDuration.startTimer({ queue });
  try {
    return await job();
  } finally {
    end();
  }
}
