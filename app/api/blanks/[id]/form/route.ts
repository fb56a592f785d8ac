import { ALL_ROLES } from "@/lib/roles";
import { ZBlankFormQuery } from "@/lib/schemas/template-file";
import { withScope } from "@/lib/server/auth/with-scope";
import { downloadResponse } from "@/lib/server/http/download";
import { idParam } from "@/lib/server/http/params";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";
import { buildBlankForm } from "@/lib/server/templates/build-blank-form";

/** The empty blank of the template version a blank was issued on, for whoever may read the blank: `?format=pdf|docx`. */
export const GET = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    // Made on the spot, as a report is: limited with the other downloads.
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const { format } = ZBlankFormQuery.omit({ version: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
    const form = await buildBlankForm({ scope, which: { blankId: idParam(params.id) }, format });
    return downloadResponse(new Uint8Array(form.bytes), { mimeType: form.mimeType, fileName: form.fileName, size: form.bytes.length });
  },
  { role: ALL_ROLES },
);
