import { Readable } from "node:stream";
import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { getFile } from "@/lib/server/files/get-file";
import { idParam } from "@/lib/server/http/params";
import { downloadResponse } from "@/lib/server/http/download";

/**
 * Downloads a file, always as an attachment with the type it was stored with:
 * the browser must neither render an uploaded file in our origin nor guess its type.
 */
export const GET = withScope<{ id: string }>(
  async ({ params, scope }) => {
    const file = await getFile({ scope, id: idParam(params.id) });
    const body = Readable.toWeb(await file.read()) as ReadableStream<Uint8Array>;
    return downloadResponse(body, { mimeType: file.mimeType, fileName: file.name, size: file.size, sandbox: true });
  },
  { role: ALL_ROLES },
);
