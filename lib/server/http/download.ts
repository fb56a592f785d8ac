import { contentDisposition } from "@/lib/domain/files/file-names";

/**
 * A file download: always an attachment of its stated type, never cached, never
 * sniffed. Files users uploaded also get a sandbox, should a browser open one anyway.
 */
export function downloadResponse(body: BodyInit, file: { mimeType: string; fileName: string; size?: number; sandbox?: boolean }): Response {
  const headers: Record<string, string> = {
    "Content-Type": file.mimeType,
    "Content-Disposition": contentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  if (file.size !== undefined) headers["Content-Length"] = String(file.size);
  // No scripts and no access to our origin for a file opened in the browser.
  if (file.sandbox) headers["Content-Security-Policy"] = "default-src 'none'; sandbox";
  return new Response(body, { headers });
}
