import { withScope } from "@/lib/server/auth/with-scope";
import { readUpload } from "@/lib/server/files/read-upload";
import { importTemplate, MAX_TEMPLATE_FILE_BYTES } from "@/lib/server/templates/import-template";
import { TEMPLATE_EDITORS } from "@/lib/roles";

/**
 * Imports a template file (multipart/form-data, field `file`, JSON or XLSX up to 5 MB)
 * into the admin's region (`?regionId=` for an admin of several): 201 with the new
 * version, 200 when the file held nothing new.
 */
export const POST = withScope(
  async ({ request, scope }) => {
    const upload = await readUpload(request, MAX_TEMPLATE_FILE_BYTES);
    const regionId = new URL(request.url).searchParams.get("regionId") ?? undefined;
    const result = await importTemplate({ scope, regionId, fileName: upload.name, bytes: Buffer.from(upload.bytes) });
    return Response.json(result, { status: result.created ? 201 : 200 });
  },
  { role: TEMPLATE_EDITORS },
);
