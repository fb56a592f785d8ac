import { ALL_ROLES } from "@/lib/roles";
import { FILE_UPLOAD } from "@/lib/domain/files/upload-rules";
import { withScope } from "@/lib/server/auth/with-scope";
import { readUpload } from "@/lib/server/files/read-upload";
import { resolveFileOwner } from "@/lib/server/files/resolve-file-owner";
import { storeFile } from "@/lib/server/files/store-file";

/**
 * Uploads one file (multipart/form-data: `file`, `owner`, and `for=child` when it is for a
 * child's record); answers 201 with its public fields. It is its uploader's alone until saved with what it is for.
 */
export const POST = withScope(
  async ({ request, scope }) => {
    const upload = await readUpload(request);
    const owner = await resolveFileOwner({ scope, reference: upload.owner });
    const forChildRecord = upload.purpose === "child";
    const file = await storeFile({ scope, owner, name: upload.name, bytes: upload.bytes, allowed: FILE_UPLOAD.kinds, forChildRecord });
    return Response.json(file, { status: 201 });
  },
  { role: ALL_ROLES },
);
