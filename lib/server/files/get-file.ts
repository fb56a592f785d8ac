import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { fileWhere } from "./file-access";
import { storage } from "./storage";

/** A stored file's metadata and a way to read its bytes; a foreign or unknown id is "not found". */
export async function getFile(options: { scope: Scope; id: string }) {
  const row = await db().storedFile.findFirst({
    where: { AND: [{ id: options.id }, fileWhere(options.scope)] },
    select: { id: true, name: true, mimeType: true, size: true, createdAt: true, storageKey: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Файл не найден.");
  const { storageKey, ...file } = row;
  return { ...file, read: () => storage().read(storageKey) };
}
