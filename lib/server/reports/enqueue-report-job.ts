import "server-only";
import type PgBoss from "pg-boss";
import { queueOn } from "@/lib/server/jobs/boss";

/**
 * The queue of background reports. "short": pg-boss itself keeps at most one
 * waiting job per singleton key (our dedupe key). No retries: a failed report
 * is reported to the user, who may ask again. A build running longer than an
 * hour is given up by pg-boss (the row is left to run-report-job.ts).
 */
export const REPORT_QUEUE = {
  name: "report",
  policy: "short",
  retryLimit: 0,
  expireInSeconds: 60 * 60,
} as const satisfies PgBoss.Queue;

/** What a queued pg-boss job carries: the worker claims the waiting row of this dedupe key. */
export interface ReportJobData {
  reportJobId: string;
  dedupeKey: string;
}

/**
 * Hands a waiting row to pg-boss. Sending twice is harmless: the "short" queue
 * drops a second waiting job of the same key (send answers null), and whichever
 * job runs claims the row by its key.
 */
export async function enqueueReportJob(job: ReportJobData): Promise<void> {
  const client = await queueOn(REPORT_QUEUE);
  await client.send(REPORT_QUEUE.name, job, {
    singletonKey: job.dedupeKey,
    retryLimit: REPORT_QUEUE.retryLimit,
    expireInSeconds: REPORT_QUEUE.expireInSeconds,
  });
}
