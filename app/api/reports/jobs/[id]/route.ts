import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { getReportJob } from "@/lib/server/reports/get-report-job";

/** One of the caller's report jobs, for polling its status and progress. */
export const GET = withScope<{ id: string }>(
  async ({ params, scope }) =>
    Response.json(await getReportJob({ scope, id: idParam(params.id) }), { headers: { "Cache-Control": "private, no-store" } }),
  { role: ALL_ROLES },
);
