import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REPORT_JOB_SELECT, toReportJobView, type ReportJobRow, type ReportJobView } from "./report-job-view";

export const reportNotFound = () => notFound("Отчёт не найден.");

export async function loadOwnJob(scope: Scope, id: string): Promise<ReportJobRow> {
  const job = await db().reportJob.findFirst({ where: { id, requestedById: scope.userId }, select: REPORT_JOB_SELECT });
  if (!job) throw reportNotFound();
  return job;
}

/** The caller's own job; anyone else's, or an unknown id, is NOT_FOUND. */
export async function getReportJob(options: { scope: Scope; id: string }): Promise<ReportJobView> {
  return toReportJobView(await loadOwnJob(options.scope, options.id));
}
