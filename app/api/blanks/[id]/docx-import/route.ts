import { BLANK_DOCX_IMPORT } from "@/lib/domain/files/upload-rules";
import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { previewBlankDocx } from "@/lib/server/blanks/preview-blank-docx";
import { idParam } from "@/lib/server/http/params";
import { readUpload } from "@/lib/server/files/read-upload";
import { storeFile } from "@/lib/server/files/store-file";

/**
 * «Загрузить бланк из Word», its first step (multipart/form-data: `file`): the preview of what the
 * filled blank would change, and the file kept for the confirmation (importBlankDocxAction), its
 * uploader's alone until then. The answers do not change. A file that is no readable DOCX (a .docm,
 * an encrypted one, a bomb) or holds no blank's table: 422 with the Russian reason, nothing kept.
 * Who may: the blank's participant, or the region's staff on their behalf (previewBlankDocx); 404 for anyone else.
 */
export const POST = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    const blankId = idParam(params.id);
    const upload = await readUpload(request);
    const { preview, version, owner } = await previewBlankDocx({ scope, blankId, source: { bytes: upload.bytes } });
    const file = await storeFile({ scope, owner, name: upload.name, bytes: upload.bytes, allowed: BLANK_DOCX_IMPORT.kinds });
    return Response.json({ file: { id: file.id, name: file.name }, version, preview }, { headers: { "Cache-Control": "no-store" } });
  },
  { role: ALL_ROLES },
);
