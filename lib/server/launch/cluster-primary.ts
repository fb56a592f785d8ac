// The production server as a cluster: the primary forks WEB_CONCURRENCY server workers
// (serve-worker.ts: Next.js's request handler, as `next start` runs it, plus the client's
// address) that share one port (Node's cluster module hands connections round-robin).
// One Node.js process uses one core; a page render is CPU-bound, so on a machine of
// N cores N workers serve about N times the requests. The app keeps no state in the
// process (sessions in signed cookies and PostgreSQL, files in storage, jobs in PostgreSQL), so workers are
// interchangeable, as app instances on several machines are.
// The primary also gathers the workers' metrics for /api/metrics (cluster-metrics.ts).
// Run by serve-next.ts as plain JavaScript bundled by ensureBuild (bundle-launchers.ts), as is the worker.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { answerMetricsRequests } from "@/lib/server/observability/cluster-metrics";
import { logger } from "@/lib/server/observability/logger";

// A worker instance (SERVE_USERS=off) runs its jobs in one process and serves no pages: one worker unless told otherwise.
const workers = env().WEB_CONCURRENCY ?? (env().SERVE_USERS === "off" ? 1 : os.availableParallelism());
const RESTART_DELAY_MS = 1_000;
const log = logger();
let stopping = false;

// Workers run beside this file (bundled together), with the react-server condition, a bounded heap
// (WEB_WORKER_HEAP_MB) and the primary's environment (PORT).
cluster.setupPrimary({
  exec: path.join(path.dirname(fileURLToPath(import.meta.url)), "serve-worker.mjs"),
  execArgv: ["--conditions=react-server", `--max-old-space-size=${env().WEB_WORKER_HEAP_MB}`],
});
answerMetricsRequests();

/** Worker `slot`; the first runs the background jobs, which want one process per database. */
function fork(slot: number) {
  const jobs = slot === 0 ? env().BACKGROUND_JOBS : "off";
  cluster.fork({ BACKGROUND_JOBS: jobs }).on("exit", (code, signal) => {
    if (stopping) return;
    // A crashed worker is replaced in its slot; the others keep serving meanwhile.
    log.error({ worker: slot + 1, exit: signal ?? code }, "server worker exited; starting another");
    setTimeout(() => fork(slot), RESTART_DELAY_MS).unref();
  });
}

for (let slot = 0; slot < workers; slot++) fork(slot);

/**
 * Passes the stop on to every worker (each drains its own requests, serve-worker.ts) and exits 0
 * once the last has exited.
 */
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping the server workers");
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  const exitWhenDone = () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  cluster.on("exit", exitWhenDone);
  exitWhenDone();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
