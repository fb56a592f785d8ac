import "server-only";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";

/**
 * Removes the files of finished reports kept past their expiresAt: the bytes
 * first, then the StoredFile row and the job's link to it, so an interrupted
 * run leaves nothing that a later run cannot finish. The job itself stays in
 * the requester's list, without a file.
 */
export async function expireReportFiles(options: { now?: Date } = {}): Promise<{ expired: number }> {
  const jobs = await db().reportJob.findMany({
    where: { fileId: { not: null }, expiresAt: { lte: options.now ?? new Date() } },
    select: { id: true, fileId: true },
  });
  for (const job of jobs) {
    const fileId = job.fileId!;
    const file = await db().storedFile.findUnique({ where: { id: fileId }, select: { storageKey: true } });
    if (file) await storage().remove(file.storageKey);
    await db().$transaction([
      db().storedFile.deleteMany({ where: { id: fileId } }),
      db().reportJob.update({ where: { id: job.id }, data: { fileId: null, stage: "Срок хранения файла истёк" } }),
    ]);
  }
  return { expired: jobs.length };
}
