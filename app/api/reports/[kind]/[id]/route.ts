import { notFound } from "@/lib/errors";
import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { buildReport } from "@/lib/server/reports/build-report";
import { isReportKind } from "@/lib/domain/reports/report-kinds";
import { ZReportDownloadQuery } from "@/lib/schemas/report";
import { downloadResponse } from "@/lib/server/http/download";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";

/**
 * Downloads a report made on the spot, as a PDF or (`?format=docx`) as its Word twin: every role may ask, and
 * buildReport shows each only what their scope covers (anything else is 404).
 * Long reports are better made in the background. Limited per user and minute
 * with the other downloads (429 with Retry-After past it).
 */
export const GET = withScope<{ kind: string; id: string }>(
  async ({ request, params, scope }) => {
    if (!isReportKind(params.kind)) throw notFound();
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const { format } = ZReportDownloadQuery.parse({ format: new URL(request.url).searchParams.get("format") || undefined });
    const report = await buildReport({ scope, kind: params.kind, id: idParam(params.id), format });
    return downloadResponse(new Uint8Array(report.bytes), {
      mimeType: report.mimeType,
      fileName: report.fileName,
      size: report.bytes.length,
    });
  },
  { role: ALL_ROLES },
);
