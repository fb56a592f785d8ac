import "server-only";
import type { Readable } from "node:stream";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import { loadOwnJob, reportNotFound } from "./get-report-job";
import { isDownloadable } from "./report-job-view";

/**
 * The file (PDF or DOCX) of the caller's own finished job while it is kept; anything else
 * (another's job, still running, failed, expired) is NOT_FOUND.
 */
export async function getReportJobFile(options: {
  scope: Scope;
  id: string;
}): Promise<{ name: string; mimeType: string; size: number; read: () => Promise<Readable> }> {
  const job = await loadOwnJob(options.scope, options.id);
  if (!isDownloadable(job, new Date())) throw reportNotFound();
  const file = await db().storedFile.findUnique({
    where: { id: job.fileId! },
    select: { name: true, mimeType: true, size: true, storageKey: true },
  });
  if (!file) throw reportNotFound();
  return { name: file.name, mimeType: file.mimeType, size: file.size, read: () => storage().read(file.storageKey) };
}
