import "server-only";
import type { Readable } from "node:stream";
import { notFound } from "@/lib/errors";
import type { Prisma, ReportJobStatus } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import { REPORT_KIND_LABELS } from "./report-kinds";

/** How long a finished report's file is kept (expire-report-files.ts removes it then). */
export const REPORT_RETENTION_DAYS = 7;

/** A report job as its requester sees it (JSON-safe: dates are ISO strings). */
export interface ReportJobView {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  status: ReportJobStatus;
  /** 0–100; 100 only when DONE. */
  progress: number;
  /** What the build is doing now, in Russian. */
  stage: string;
  fileName: string | null;
  /** Why it failed, in Russian; no technical details. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Until when the file is kept (DONE only). */
  expiresAt: string | null;
  /** Where to download the PDF while it is kept; null otherwise. */
  downloadUrl: string | null;
}

export const REPORT_JOB_SELECT = {
  id: true,
  kind: true,
  title: true,
  status: true,
  progress: true,
  stage: true,
  fileId: true,
  fileName: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} satisfies Prisma.ReportJobSelect;

type ReportJobRow = Prisma.ReportJobGetPayload<{ select: typeof REPORT_JOB_SELECT }>;

const LABELS: Record<string, string> = REPORT_KIND_LABELS;

/** The file of a job can be downloaded: built, still kept, not yet removed. */
function isDownloadable(job: Pick<ReportJobRow, "status" | "fileId" | "expiresAt">, now: Date): boolean {
  return job.status === "DONE" && job.fileId !== null && job.expiresAt !== null && job.expiresAt > now;
}

export function toReportJobView(job: ReportJobRow, now = new Date()): ReportJobView {
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: LABELS[job.kind] ?? job.kind,
    title: job.title,
    status: job.status,
    progress: job.progress,
    stage: job.stage,
    fileName: job.fileName,
    error: job.status === "FAILED" ? job.error : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    downloadUrl: isDownloadable(job, now) ? `/api/reports/jobs/${job.id}/file` : null,
  };
}

const reportNotFound = () => notFound("Отчёт не найден.");

async function loadOwnJob(scope: Scope, id: string): Promise<ReportJobRow> {
  const job = await db().reportJob.findFirst({ where: { id, requestedById: scope.userId }, select: REPORT_JOB_SELECT });
  if (!job) throw reportNotFound();
  return job;
}

/** The caller's own job; anyone else's, or an unknown id, is NOT_FOUND. */
export async function getReportJob(options: { scope: Scope; id: string }): Promise<ReportJobView> {
  return toReportJobView(await loadOwnJob(options.scope, options.id));
}

/**
 * The PDF of the caller's own finished job while it is kept; anything else
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
