import "server-only";
import { AppError } from "@/lib/errors";
import { FILE_TOO_LARGE, MAX_FILE_BYTES } from "@/lib/files/detect-file-type";

/** The largest multipart body read: one file of the maximum size plus the form's own overhead. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 1024 * 1024;

const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/**
 * The `file` and `owner` fields of a multipart/form-data upload. A body over
 * MAX_UPLOAD_BODY_BYTES is refused as soon as it is seen to be too large (by its
 * Content-Length, or while reading when it has none), never buffered whole.
 */
export async function readUpload(request: Request): Promise<{ name: string; bytes: Uint8Array; owner: string }> {
  const body = await readLimited(request, MAX_UPLOAD_BODY_BYTES);
  const contentType = request.headers.get("content-type") ?? "";
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw invalid("file", "Отправьте файл формой (multipart/form-data).");
  });
  const file = form.get("file");
  if (file === null || typeof file === "string") throw invalid("file", "Выберите файл.");
  const owner = form.get("owner");
  return {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    owner: typeof owner === "string" ? owner : "",
  };
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > limit) throw invalid("file", FILE_TOO_LARGE);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw invalid("file", FILE_TOO_LARGE);
    }
    chunks.push(value);
  }
}
