import "server-only";
import type { Scope } from "@/lib/scope";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { BLANK_ATTACHMENT_UPLOAD } from "@/lib/domain/files/upload-rules";
import { findReadableFiles } from "@/lib/server/privacy/file-access";

export function attachedFileIds(values: Array<TBlankAnswer | null | undefined>): string[] {
  return values.flatMap((v) => (v?.kind === "DOCUMENT" && v.fileId ? [v.fileId] : []));
}

/** A blank's answers take documents and scans: PDF, DOCX, JPG, PNG. */
export const BLANK_ATTACHMENT_KINDS = BLANK_ATTACHMENT_UPLOAD.kinds;
const BLANK_ATTACHMENT_MIME = new Set<string>(BLANK_ATTACHMENT_KINDS.map((kind) => FILE_KINDS[kind].mime));

/** The files attached to answers that the caller may read (each by its owner's rule), with their names. */
export async function attachedFiles(scope: Scope, fileIds: string[], options: { attachableOnly?: boolean } = {}) {
  const files = await findReadableFiles(scope, fileIds, { name: true, mimeType: true });
  return files.filter((f) => !options.attachableOnly || BLANK_ATTACHMENT_MIME.has(f.mimeType));
}

/** Names of the files attached to answers, among those the caller may read. */
export async function answerFileNames(
  scope: Scope,
  fileIds: string[],
  options: { attachableOnly?: boolean } = {},
): Promise<Record<string, string>> {
  return Object.fromEntries((await attachedFiles(scope, fileIds, options)).map((f) => [f.id, f.name]));
}
