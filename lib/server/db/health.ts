import "server-only";

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

/** Contract for /api/ready and /api/metrics; the replica routing (issue 20) fills these in. */
export async function replicaStatus(): Promise<ReplicaStatus> {
  return { configured: false, state: "off", lagSeconds: null };
}

export function poolStats(): PoolStat[] {
  return [];
}
