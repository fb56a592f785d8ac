import "server-only";
import type pg from "pg";
import { primaryPool } from "./client";
import { checkReplica, replicaPool } from "./replica";

/** The read replica as the app sees it: `off` when none is configured. */
export interface ReplicaStatus {
  configured: boolean;
  state: "off" | "ok" | "lagging" | "down";
  lagSeconds: number | null;
}

/** A connection pool's use, for the metrics. */
export interface PoolStat {
  pool: "primary" | "replica";
  total: number;
  idle: number;
  waiting: number;
}

/**
 * For /api/ready and /api/metrics: the replica's state and lag as the routing sees them
 * (replica.ts), asked of the replica at most every few seconds per process.
 */
export async function replicaStatus(): Promise<ReplicaStatus> {
  const replica = await checkReplica();
  if (!replica) return { configured: false, state: "off", lagSeconds: null };
  return { configured: true, state: replica.state, lagSeconds: replica.lagSeconds };
}

const statOf = (pool: "primary" | "replica", open: pg.Pool): PoolStat => ({
  pool,
  total: open.totalCount,
  idle: open.idleCount,
  waiting: open.waitingCount,
});

/** The connections of db()'s pool and of the replica's, those that are open in this process. */
export function poolStats(): PoolStat[] {
  const primary = primaryPool();
  const replica = replicaPool();
  return [...(primary ? [statOf("primary", primary)] : []), ...(replica ? [statOf("replica", replica)] : [])];
}
