import "server-only";
import type { Scope } from "@/lib/scope";
import { findReadableFile } from "@/lib/server/privacy/file-access";
import { recordChildFileRead } from "@/lib/server/privacy/record-child-file-read";
import { storage } from "./storage";

/**
 * A stored file's metadata and a way to read its bytes, when the caller may read what
 * the file belongs to; anything else is "not found". A child's file is a read of the
 * child's data: recorded (on the card's read log and in the audit trail) before any byte leaves.
 */
export async function getFile(options: { scope: Scope; id: string }) {
  const row = await findReadableFile(options.scope, options.id, {
    name: true,
    mimeType: true,
    size: true,
    createdAt: true,
    storageKey: true,
  });
  if (row.childData) await recordChildFileRead(options.scope, row);
  return {
    id: row.id,
    name: row.name,
    mimeType: row.mimeType,
    size: row.size,
    createdAt: row.createdAt,
    read: () => storage().read(row.storageKey),
  };
}
