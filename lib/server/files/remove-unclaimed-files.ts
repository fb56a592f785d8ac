import "server-only";
import { db } from "@/lib/server/db/client";
import { storage } from "./storage";

/** Long enough for any form left open to be saved; an upload saved later than this is asked for again. */
export const UNCLAIMED_FILE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Removes files uploaded but never saved with what they were for (a form left
 * unsent): no one but their uploader could read them, and a child's ИУП must not
 * outlive the form it was meant for. The bytes first, then the row, so an
 * interrupted run leaves nothing a later run cannot finish.
 */
export async function removeUnclaimedFiles(options: { now?: Date } = {}): Promise<{ removed: number }> {
  const before = new Date((options.now ?? new Date()).getTime() - UNCLAIMED_FILE_DAYS * DAY_MS);
  let removed = 0;
  for (;;) {
    const files = await db().storedFile.findMany({
      where: { ownerId: null, createdAt: { lt: before } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, storageKey: true },
    });
    for (const file of files) await storage().remove(file.storageKey);
    if (files.length) await db().storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) }, ownerId: null } });
    removed += files.length;
    if (files.length < BATCH) return { removed };
  }
}
