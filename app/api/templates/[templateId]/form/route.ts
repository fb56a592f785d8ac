import { REGION_STAFF } from "@/lib/roles";
import { ZBlankFormQuery } from "@/lib/schemas/template-file";
import { withScope } from "@/lib/server/auth/with-scope";
import { downloadResponse } from "@/lib/server/http/download";
import { idParam } from "@/lib/server/http/params";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";
import { buildBlankForm } from "@/lib/server/templates/build-blank-form";

/** The empty blank of a template version to print or fill in Word: `?format=pdf|docx[&version=N]` (the newest published without N). */
export const GET = withScope<{ templateId: string }>(
  async ({ request, params, scope }) => {
    // Made on the spot, as a report is: limited with the other downloads.
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const { version, ...query } = ZBlankFormQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const form = await buildBlankForm({ scope, which: { templateId: idParam(params.templateId), version }, ...query });
    return downloadResponse(new Uint8Array(form.bytes), { mimeType: form.mimeType, fileName: form.fileName, size: form.bytes.length });
  },
  { role: REGION_STAFF },
);
