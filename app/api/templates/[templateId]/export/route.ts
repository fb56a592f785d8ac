import { REGION_STAFF } from "@/lib/roles";
import { ZTemplateExportQuery } from "@/lib/schemas/template-file";
import { withScope } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { exportTemplate } from "@/lib/server/templates/export-template";
import { downloadResponse } from "@/lib/server/http/download";

/** Downloads a template version as a file: `?format=json|xlsx[&version=N]` (the newest published without N). */
export const GET = withScope<{ templateId: string }>(
  async ({ request, params, scope }) => {
    const query = ZTemplateExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await exportTemplate({ scope, templateId: idParam(params.templateId), ...query });
    return downloadResponse(new Uint8Array(file.bytes), { mimeType: file.mimeType, fileName: file.fileName });
  },
  { role: REGION_STAFF },
);
