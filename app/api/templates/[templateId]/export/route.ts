import { contentDisposition } from "@/lib/files/file-names";
import { REGION_STAFF } from "@/lib/scope";
import { ZTemplateExportQuery } from "@/lib/schemas/template-file";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { exportTemplate } from "@/lib/server/templates/export-template";

/** Downloads a template version as a file: `?format=json|xlsx[&version=N]` (the newest published without N). */
export const GET = withScope<{ templateId: string }>(
  async ({ request, params, scope }) => {
    const query = ZTemplateExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await exportTemplate({ scope, templateId: idParam(params.templateId), ...query });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  },
  { role: REGION_STAFF },
);
