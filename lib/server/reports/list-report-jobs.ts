import "server-only";
import type { Page } from "@/lib/paging";
import type { TReportJobListQuery } from "@/lib/schemas/report";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REPORT_JOB_SELECT, toReportJobView, type ReportJobView } from "./report-job-view";

/** The caller's own report jobs, newest first, a page at a time (`?page=&pageSize=`). */
export async function listReportJobs(options: { scope: Scope; query: TReportJobListQuery }): Promise<Page<ReportJobView>> {
  const { page, pageSize } = options.query;
  const where = { requestedById: options.scope.userId };
  const [total, jobs] = await Promise.all([
    db().reportJob.count({ where }),
    db().reportJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: REPORT_JOB_SELECT,
    }),
  ]);
  const now = new Date();
  return { total, page, pageSize, rows: jobs.map((job) => toReportJobView(job, now)) };
}
