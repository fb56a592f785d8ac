import "server-only";
import { Gauge } from "prom-client";
import { boss } from "@/lib/server/jobs/boss";
import { poolStats, replicaStatus } from "@/lib/server/db/health";
import { logger } from "./logger";
import { metrics } from "./metrics";

const KEY = Symbol.for("metodaudit.appMetrics");
const shared = globalThis as unknown as { [KEY]?: true };

/**
 * The gauges read from the app's state when Prometheus scrapes: the database pools, the replica
 * and, in the process that runs the background jobs, each queue's depth. Registered from Next's
 * server (instrumentation.ts), where the database client and the queue client live.
 * The primary sums the workers' pools; replica and queue gauges would count the same thing once a
 * worker, so they are aggregated by max (min for the replica's availability).
 */
export function registerAppMetrics(options: { queues: readonly string[] }): void {
  if (shared[KEY]) return;
  shared[KEY] = true;
  const { registry } = metrics();
  const poolGauge = (name: string, help: string, field: "total" | "idle" | "waiting") =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"],
      registers: [registry],
      collect() {
        this.reset();
        for (const stat of poolStats()) this.set({ pool: stat.pool }, stat[field]);
      },
    });
  poolGauge("db_pool_connections", "Connections open in the database pool", "total");
  poolGauge("db_pool_idle_connections", "Open connections of the database pool that are idle", "idle");
  poolGauge("db_pool_waiting_queries", "Queries waiting for a connection of the database pool", "waiting");

  new Gauge({
    name: "db_replica_lag_seconds",
    help: "How far the read replica is behind the primary (absent without a replica or while it is down)",
    // Labelled like the pool gauges: prom-client keeps an unlabelled gauge at 0 after a reset, and "no replica" is no value.
    labelNames: ["pool"],
    aggregator: "max",
    registers: [registry],
    async collect() {
      this.reset();
      const status = await replicaStatus();
      if (status.lagSeconds !== null) this.set({ pool: "replica" }, status.lagSeconds);
    },
  });
  new Gauge({
    name: "db_replica_up",
    help: "1 while the read replica is used for reads, 0 while it is skipped (down or lagging); absent without one",
    labelNames: ["pool"],
    aggregator: "min",
    registers: [registry],
    async collect() {
      this.reset();
      const status = await replicaStatus();
      if (status.configured) this.set({ pool: "replica" }, status.state === "ok" ? 1 : 0);
    },
  });

  if (options.queues.length === 0) return;
  new Gauge({
    name: "job_queue_depth",
    help: "Jobs waiting in a background queue",
    labelNames: ["queue"],
    aggregator: "max",
    registers: [registry],
    async collect() {
      // A queue that cannot be read leaves the gauge empty rather than failing the whole scrape.
      this.reset();
      try {
        const client = await boss();
        for (const queue of options.queues) this.set({ queue }, await client.getQueueSize(queue));
      } catch (error) {
        logger().warn({ err: error }, "job queue depth not read");
      }
    },
  });
}
