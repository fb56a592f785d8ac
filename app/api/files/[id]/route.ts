import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/files/file-names";
import { ROLES } from "@/lib/scope";
import { withScope } from "@/lib/server/auth/with-scope";
import { getFile } from "@/lib/server/files/get-file";
import { idParam } from "@/lib/server/http/params";

/**
 * Downloads a file, always as an attachment with the type it was stored with:
 * the browser must neither render an uploaded file in our origin nor guess its type.
 */
export const GET = withScope<{ id: string }>(
  async ({ params, scope }) => {
    const file = await getFile({ scope, id: idParam(params.id) });
    const body = Readable.toWeb(await file.read()) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition(file.name),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        // Should a browser open it anyway, it gets no scripts and no access to our origin.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  },
  { role: ROLES },
);
