import "server-only";
import { AppError } from "@/lib/errors";
import { fileTooLarge, MAX_FILE_BYTES } from "@/lib/domain/files/detect-file-type";

/** What a multipart form adds around its file (boundaries, headers, other fields). */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** The largest multipart body read: one file of the maximum size plus the form's own overhead. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + FORM_OVERHEAD_BYTES;

const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/**
 * The `file`, `owner` and `for` fields of a multipart/form-data upload. A body over
 * MAX_UPLOAD_BODY_BYTES is refused as soon as it is seen to be too large (by its
 * Content-Length, or while reading when it has none), never buffered whole.
 */
export async function readUpload(
  request: Request,
  /** The largest file accepted; the body may exceed it by the form's overhead only. */
  maxFileBytes = MAX_FILE_BYTES,
): Promise<{ name: string; bytes: Uint8Array; owner: string; purpose: string }> {
  const body = await readLimited(request, maxFileBytes + FORM_OVERHEAD_BYTES, fileTooLarge(maxFileBytes));
  const contentType = request.headers.get("content-type") ?? "";
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw invalid("file", "Отправьте файл формой (multipart/form-data).");
  });
  const file = form.get("file");
  if (file === null || typeof file === "string") throw invalid("file", "Выберите файл.");
  const owner = form.get("owner");
  const purpose = form.get("for");
  return {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    owner: typeof owner === "string" ? owner : "",
    purpose: typeof purpose === "string" ? purpose : "",
  };
}

async function readLimited(request: Request, limit: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > limit) throw invalid("file", tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: when the route read a clone of the request, this branch's cancel settles only once the
      // clone is cancelled too, which never happens, and the request would hang for ever instead of answering 422.
      reader.cancel().catch(() => {});
      throw invalid("file", tooLarge);
    }
    chunks.push(value);
  }
}
