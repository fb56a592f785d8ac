import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { listReportJobs } from "@/lib/server/reports/list-report-jobs";
import { ZReportRequest, ZReportJobListQuery } from "@/lib/schemas/report";
import { requestReport } from "@/lib/server/reports/request-report";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";

/**
 * Queues a report to be built in the background: `{ kind, id }` → 202 with the job (the same job
 * while it waits or runs). Counted with the downloads per user and minute (429 past it).
 */
export const POST = withScope(
  async ({ request, scope }) => {
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const body = ZReportRequest.parse(await request.json().catch(() => null));
    return Response.json(await requestReport({ scope, ...body }), { status: 202 });
  },
  { role: ALL_ROLES },
);

/** The caller's own report jobs, newest first: `?page=&pageSize=`. */
export const GET = withScope(
  async ({ request, scope }) => {
    const query = ZReportJobListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listReportJobs({ scope, query }), { headers: { "Cache-Control": "private, no-store" } });
  },
  { role: ALL_ROLES },
);
