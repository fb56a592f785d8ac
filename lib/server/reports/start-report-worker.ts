import "server-only";
import type PgBoss from "pg-boss";
import { queueOn, startBoss } from "@/lib/server/jobs/boss";
import { REPORT_QUEUE, type ReportJobData } from "./enqueue-report-job";
import { recoverReportJobs } from "./recover-report-jobs";
import { runReportJob } from "./run-report-job";
import { logger } from "@/lib/server/observability/logger";
import { timeJob } from "@/lib/server/observability/metrics";

type Log = (line: string) => void;

/** Clients that already have a report worker: a second start must not run two reports at once. */
const working = new WeakSet<PgBoss>();

/**
 * Starts the background report worker in this process: the queue client on the
 * app's database, recovery of interrupted jobs, then one report at a time
 * (batchSize 1: on two cores one PDF build is load enough beside the web server).
 */
export async function startReportWorker(options: { connectionString: string; log?: Log }): Promise<PgBoss> {
  const log = options.log ?? ((line: string) => logger().info(line));
  await startBoss(options.connectionString, log);
  const client = await queueOn(REPORT_QUEUE);
  if (working.has(client)) return client;
  working.add(client);
  const { requeued, failed } = await recoverReportJobs();
  if (requeued || failed) log(`[reports] interrupted reports: ${requeued} queued again, ${failed} failed`);
  await client.work<ReportJobData>(REPORT_QUEUE.name, { batchSize: 1 }, async ([job]) => {
    if (job) await timeJob(REPORT_QUEUE.name, () => runReportJob({ data: job.data, log }));
  });
  return client;
}
