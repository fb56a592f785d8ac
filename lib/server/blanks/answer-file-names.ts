import "server-only";
import type { Scope } from "@/lib/scope";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { fileWhere } from "@/lib/server/files/file-access";

export function attachedFileIds(values: Array<TBlankAnswer | null | undefined>): string[] {
  return values.flatMap((v) => (v?.kind === "DOCUMENT" && v.fileId ? [v.fileId] : []));
}

/** Names of the files attached to answers, among those the caller may read. */
export async function answerFileNames(scope: Scope, fileIds: string[]): Promise<Record<string, string>> {
  if (fileIds.length === 0) return {};
  const files = await db().storedFile.findMany({
    where: { AND: [{ id: { in: fileIds } }, fileWhere(scope)] },
    select: { id: true, name: true },
  });
  return Object.fromEntries(files.map((f) => [f.id, f.name]));
}
