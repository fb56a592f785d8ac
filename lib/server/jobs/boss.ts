import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/server/observability/logger";

/** pg-boss keeps its tables in a schema of their own, beside the app's. */
export const BOSS_SCHEMA = "pgboss";

interface Running {
  connectionString: string;
  started: Promise<PgBoss>;
  /** Queues created on this instance, so each is declared once. */
  queues: Set<string>;
}

/** One queue client per process (kept across hot reloads in development), like db(). */
const holder = globalThis as unknown as { metodauditBoss?: Running };

/**
 * Starts the queue client on the app's database (creating or migrating its
 * schema on first use) and keeps it for the process. Asked again for the same
 * database it returns the same client; for another one (tests), it stops the
 * old client first.
 */
export async function startBoss(connectionString: string, log: (line: string) => void = (line) => logger().error(line)): Promise<PgBoss> {
  const running = holder.metodauditBoss;
  if (running?.connectionString === connectionString) return running.started;
  if (running) await stopBoss({ graceful: false });

  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    // A few connections are plenty for one worker and the occasional send.
    max: 3,
    application_name: "metodaudit-jobs",
    // No cron schedules: the hourly chores run in run-scheduled-jobs.ts.
    schedule: false,
  });
  // Without a listener an "error" event would end the process.
  boss.on("error", (error) => log(`[jobs] queue error: ${error.message}`));
  const started = boss.start().catch((error: unknown) => {
    if (holder.metodauditBoss?.started === started) holder.metodauditBoss = undefined;
    throw error;
  });
  holder.metodauditBoss = { connectionString, started, queues: new Set() };
  return started;
}

/** The running client; without one yet, one is started on DATABASE_URL (as db() connects lazily). */
export function boss(): Promise<PgBoss> {
  const running = holder.metodauditBoss;
  if (running) return running.started;
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the job queue has no database to run on");
  return startBoss(url);
}

/** The client with the queue declared (idempotent; settings are brought up to date once per process). */
export async function queueOn(queue: PgBoss.Queue): Promise<PgBoss> {
  const client = await boss();
  const queues = holder.metodauditBoss?.queues;
  if (!queues?.has(queue.name)) {
    await client.createQueue(queue.name, queue);
    await client.updateQueue(queue.name, queue);
    queues?.add(queue.name);
  }
  return client;
}

/**
 * Stops fetching, lets a running job finish within `timeoutMs` (graceful) and
 * closes the connections. A job cut short stays RUNNING in our tables; the next
 * start recovers it (see start-report-worker.ts).
 */
export async function stopBoss(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const running = holder.metodauditBoss;
  if (!running) return;
  holder.metodauditBoss = undefined;
  const client = await running.started.catch(() => undefined);
  await client?.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, wait: true });
}
