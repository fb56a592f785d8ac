import "server-only";
import { replicaStatus } from "@/lib/server/db/health";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import { BOSS_SCHEMA } from "@/lib/server/jobs/boss";
import { logger } from "./logger";
import { isStopping } from "./shutdown";

/** A dependency's state as /api/ready shows it; `off` is a replica that is not configured. */
export type CheckState = "ok" | "down" | "lagging" | "off";

export interface Check {
  state: CheckState;
  ms: number;
}

export interface Readiness {
  status: "ready" | "not ready" | "stopping";
  checks: Partial<Record<"database" | "replica" | "storage" | "queue", Check>>;
}

/** Long enough for a loaded database, short enough that the balancer's health check does not time out first. */
const CHECK_TIMEOUT_MS = 2_000;

async function timed(name: string, probe: () => Promise<CheckState>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  let state: CheckState;
  try {
    state = await Promise.race([probe(), timeout]);
  } catch (error) {
    // The details go to the log only: the answer is public and error messages may name hosts.
    logger().warn({ err: error, check: name }, "readiness check failed");
    state = "down";
  } finally {
    clearTimeout(timer);
  }
  return { state, ms: Math.round(performance.now() - started) };
}

/**
 * Whether this instance should get traffic: the primary database, the file storage and the job
 * queue's tables answer, and the instance is not stopping. The replica is shown but does not
 * decide: the app reads from the primary while the replica is down or lagging
 * (lib/server/db), so taking every instance out for it would turn a slower read into an outage.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isStopping()) return { status: "stopping", checks: {} };
  const [database, replica, files, queue] = await Promise.all([
    timed("database", async () => {
      await db().$queryRaw`SELECT 1`;
      return "ok";
    }),
    timed("replica", async () => {
      const status = await replicaStatus();
      return status.state;
    }),
    timed("storage", async () => {
      await storage().check();
      return "ok";
    }),
    timed("queue", async () => {
      // pg-boss's own table: the queue is usable once a job process has installed it.
      await db().$queryRawUnsafe(`SELECT 1 FROM "${BOSS_SCHEMA}".version LIMIT 1`);
      return "ok";
    }),
  ]);
  const checks = { database, replica, storage: files, queue };
  const ready = database.state === "ok" && files.state === "ok" && queue.state === "ok" && !isStopping();
  return { status: ready ? "ready" : isStopping() ? "stopping" : "not ready", checks };
}
