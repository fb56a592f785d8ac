import "server-only";
import type { TReportRequest } from "@/lib/schemas/report";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { checkReportAccess } from "./check-report-access";
import { enqueueReportJob } from "./enqueue-report-job";
import { REPORT_JOB_SELECT, toReportJobView, type ReportJobView } from "./report-job-view";

/**
 * Queues a report to be built in the background for the caller, after checking
 * that they may have it (a foreign subject is NOT_FOUND). The same report asked
 * for again by the same user while it waits or runs is the same job: the
 * lookup and the insert run under an advisory lock on the dedupe key.
 */
export async function requestReport(options: { scope: Scope } & TReportRequest): Promise<ReportJobView> {
  const { scope, kind, id, format } = options;
  const subject = await checkReportAccess({ scope, kind, id });
  const dedupeKey = `${kind}:${id}:${format}:${scope.userId}`;

  const { job, created } = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`report:${dedupeKey}`}, 0))`;
    const existing = await tx.reportJob.findFirst({
      where: { dedupeKey, status: { in: ["QUEUED", "RUNNING"] } },
      orderBy: { createdAt: "desc" },
      select: REPORT_JOB_SELECT,
    });
    if (existing) return { job: existing, created: false };
    const row = await tx.reportJob.create({
      data: { regionId: subject.regionId, requestedById: scope.userId, kind, subjectId: id, format, dedupeKey, title: subject.title },
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
