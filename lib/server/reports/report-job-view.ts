import "server-only";
import type { Prisma, ReportJobStatus } from "@/lib/generated/prisma/client";
import { REPORT_FORMAT_LABELS, REPORT_KIND_LABELS } from "@/lib/domain/reports/report-kinds";

/** How long a finished report's file is kept (expire-report-files.ts removes it then). */
export const REPORT_RETENTION_DAYS = 7;

/** A report job as its requester sees it (JSON-safe: dates are ISO strings). */
export interface ReportJobView {
  id: string;
  kind: string;
  kindLabel: string;
  /** «PDF» or «DOCX». */
  formatLabel: string;
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
  /** Where to download the file while it is kept; null otherwise. */
  downloadUrl: string | null;
}

export const REPORT_JOB_SELECT = {
  id: true,
  kind: true,
  format: true,
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

export type ReportJobRow = Prisma.ReportJobGetPayload<{ select: typeof REPORT_JOB_SELECT }>;

const LABELS: Record<string, string> = REPORT_KIND_LABELS;
const FORMAT_LABELS: Record<string, string> = REPORT_FORMAT_LABELS;

/** The file of a job can be downloaded: built, still kept, not yet removed. */
export function isDownloadable(job: Pick<ReportJobRow, "status" | "fileId" | "expiresAt">, now: Date): boolean {
  return job.status === "DONE" && job.fileId !== null && job.expiresAt !== null && job.expiresAt > now;
}

export function toReportJobView(job: ReportJobRow, now = new Date()): ReportJobView {
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: LABELS[job.kind] ?? job.kind,
    formatLabel: FORMAT_LABELS[job.format] ?? job.format,
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
