import { Readable } from "node:stream";
import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { getReportJobFile } from "@/lib/server/reports/get-report-job-file";
import { downloadResponse } from "@/lib/server/http/download";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";

/** The file (PDF or DOCX) of the caller's finished report while it is kept (7 days); otherwise 404. A download: limited per user and minute. */
export const GET = withScope<{ id: string }>(
  async ({ params, scope }) => {
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const file = await getReportJobFile({ scope, id: idParam(params.id) });
    const body = Readable.toWeb(await file.read()) as ReadableStream<Uint8Array>;
    return downloadResponse(body, { mimeType: file.mimeType, fileName: file.name, size: file.size, sandbox: true });
  },
  { role: ALL_ROLES },
);
