import "server-only";
import type { Scope } from "@/lib/scope";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { FILE_KINDS, type FileKind } from "@/lib/files/detect-file-type";
import { fileWhere } from "@/lib/server/files/file-access";

export function attachedFileIds(values: Array<TBlankAnswer | null | undefined>): string[] {
  return values.flatMap((v) => (v?.kind === "DOCUMENT" && v.fileId ? [v.fileId] : []));
}

/** A blank's answers take documents and scans: PDF, DOCX, JPG, PNG. */
export const BLANK_ATTACHMENT_KINDS: FileKind[] = ["PDF", "DOCX", "JPG", "PNG"];
const BLANK_ATTACHMENT_MIME = new Set<string>(BLANK_ATTACHMENT_KINDS.map((kind) => FILE_KINDS[kind].mime));

/** Names of the files attached to answers, among those the caller may read. */
export async function answerFileNames(
  scope: Scope,
  fileIds: string[],
  options: { attachableOnly?: boolean } = {},
): Promise<Record<string, string>> {
  if (fileIds.length === 0) return {};
  const files = await db().storedFile.findMany({
    where: { AND: [{ id: { in: fileIds } }, fileWhere(scope)] },
    select: { id: true, name: true, mimeType: true },
  });
  return Object.fromEntries(
    files.filter((f) => !options.attachableOnly || BLANK_ATTACHMENT_MIME.has(f.mimeType)).map((f) => [f.id, f.name]),
  );
}
