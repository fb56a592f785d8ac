import { ROADMAP_EXPORT_FORMATS, ROADMAP_FILE_MIME_TYPES } from "@/lib/domain/plans/roadmap-file";
import { z } from "@/lib/schemas/z";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { exportRoadmap } from "@/lib/server/plans/export-roadmap";
import { downloadResponse } from "@/lib/server/http/download";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";
import { ALL_ROLES } from "@/lib/roles";

const ZExportQuery = z.object({
  format: z.enum(ROADMAP_EXPORT_FORMATS, { error: "Формат выгрузки: «xlsx» или «csv»." }).default("xlsx"),
});

/** Downloads a plan as a roadmap execution report in seed 002's columns: `?format=xlsx|csv` (XLSX without it). */
export const GET = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const { format } = ZExportQuery.parse({ format: new URL(request.url).searchParams.get("format") || undefined });
    const file = await exportRoadmap({ scope, planId: idParam(params.id), format });
    return downloadResponse(new Uint8Array(file.bytes), { mimeType: ROADMAP_FILE_MIME_TYPES[format], fileName: file.fileName });
  },
  { role: ALL_ROLES },
);
