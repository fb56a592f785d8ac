import "server-only";
import type PgBoss from "pg-boss";
import { z } from "@/lib/schemas/z";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { queueOn } from "@/lib/server/jobs/boss";
import { checkReportAccess } from "./check-report-access";
import { REPORT_JOB_SELECT, toReportJobView, type ReportJobView } from "./get-report-job";
import { REPORT_KINDS, type ReportKind } from "./report-kinds";

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

export const ZReportRequest = z.object({
  kind: z.enum(REPORT_KINDS, { error: "Выберите вид отчёта." }),
  id: z.uuid({ error: "Отчёт не найден." }),
});

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

/**
 * Queues a report to be built in the background for the caller, after checking
 * that they may have it (a foreign subject is NOT_FOUND). The same report asked
 * for again by the same user while it waits or runs is the same job: the
 * lookup and the insert run under an advisory lock on the dedupe key.
 */
export async function requestReport(options: { scope: Scope; kind: ReportKind; id: string }): Promise<ReportJobView> {
  const { scope } = options;
  const { kind, id } = ZReportRequest.parse({ kind: options.kind, id: options.id });
  const subject = await checkReportAccess({ scope, kind, id });
  const dedupeKey = `${kind}:${id}:${scope.userId}`;

  const { job, created } = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`report:${dedupeKey}`}, 0))`;
    const existing = await tx.reportJob.findFirst({
      where: { dedupeKey, status: { in: ["QUEUED", "RUNNING"] } },
      orderBy: { createdAt: "desc" },
      select: REPORT_JOB_SELECT,
    });
    if (existing) return { job: existing, created: false };
    const row = await tx.reportJob.create({
      data: { regionId: subject.regionId, requestedById: scope.userId, kind, subjectId: id, dedupeKey, title: subject.title },
      select: REPORT_JOB_SELECT,
    });
    return { job: row, created: true };
  });

  // Sent once the row is committed, so the worker always finds what it is sent for.
  if (created) {
    try {
      await enqueueReportJob({ reportJobId: job.id, dedupeKey });
    } catch (error) {
      await db().reportJob.updateMany({
        where: { id: job.id, status: "QUEUED" },
        data: { status: "FAILED", stage: "", error: "Не удалось поставить отчёт в очередь. Попробуйте ещё раз.", finishedAt: new Date() },
      });
      throw error;
    }
  }
  return toReportJobView(job);
}
