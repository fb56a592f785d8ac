import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { displayFileName } from "@/lib/domain/files/file-names";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { newStorageKey, storage } from "@/lib/server/files/storage";
import { buildReport } from "./build-report";
import { REPORT_RETENTION_DAYS } from "./report-job-view";
import type { ReportFormat, ReportKind } from "@/lib/domain/reports/report-kinds";
import type { ReportJobData } from "./enqueue-report-job";
import { logger } from "@/lib/server/observability/logger";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Progress reaches the database at most this often. */
const PROGRESS_EVERY_MS = 500;
const FAILURE = "Не удалось сформировать отчёт. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

type Log = (line: string) => void;

interface ClaimedJob {
  id: string;
  regionId: string;
  requestedById: string;
  kind: string;
  subjectId: string;
  format: string;
}

/**
 * Takes the waiting row of the job's dedupe key (there is at most one: see
 * request-report.ts) and marks it RUNNING; null when there is none (already
 * built, or a duplicate pg-boss job).
 */
async function claim(data: ReportJobData): Promise<ClaimedJob | null> {
  const row = await db().reportJob.findFirst({
    where: { dedupeKey: data.dedupeKey, status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, regionId: true, requestedById: true, kind: true, subjectId: true, format: true },
  });
  if (!row) return null;
  const { count } = await db().reportJob.updateMany({
    where: { id: row.id, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), progress: 0, stage: "Подготовка" },
  });
  return count ? row : null;
}

/**
 * The build's progress, written at most every PROGRESS_EVERY_MS, one write at a
 * time and never backwards; 100 is left for DONE. A failed write is only logged:
 * progress is a courtesy, the report matters.
 */
function progressWriter(id: string, log: Log) {
  let lastAt = 0;
  let percent = 0;
  let chain = Promise.resolve();
  const report = ({ fraction, stage }: { fraction: number; stage: string }): Promise<void> => {
    const now = Date.now();
    if (now - lastAt < PROGRESS_EVERY_MS) return chain;
    lastAt = now;
    const share = Number.isFinite(fraction) ? fraction : 0;
    percent = Math.max(percent, Math.min(99, Math.floor(share * 100)));
    const data = { progress: percent, stage };
    chain = chain
      .then(() => db().reportJob.updateMany({ where: { id, status: "RUNNING" }, data }))
      .then(
        () => undefined,
        (error: unknown) => log(`[reports] progress of ${id} not saved: ${(error as Error).message}`),
      );
    return chain;
  };
  return { report, settled: () => chain };
}

/** Stores the report as a file of the job's region and marks the job DONE, both or neither. */
async function finish(job: ClaimedJob, report: { bytes: Buffer; fileName: string; mimeType: string; title: string }) {
  const bytes = new Uint8Array(report.bytes);
  const storageKey = newStorageKey();
  const name = displayFileName(report.fileName);
  const now = new Date();
  await storage().put(storageKey, bytes);
  try {
    await db().$transaction(async (tx) => {
      const file = await tx.storedFile.create({
        data: {
          regionId: job.regionId,
          name,
          mimeType: report.mimeType,
          size: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById: job.requestedById,
          // The report is its requester's: no one else in the region reads it (lib/server/privacy/file-access.ts).
          ownerKind: "REPORT_JOB",
          ownerId: job.id,
        },
        select: { id: true },
      });
      const { count } = await tx.reportJob.updateMany({
        where: { id: job.id, status: "RUNNING" },
        data: {
          status: "DONE",
          progress: 100,
          stage: "Готово",
          title: report.title,
          fileId: file.id,
          fileName: name,
          error: null,
          finishedAt: now,
          expiresAt: new Date(now.getTime() + REPORT_RETENTION_DAYS * DAY_MS),
        },
      });
      // Recovered meanwhile by another start: keep nothing of this run.
      if (!count) throw new Error(`report job ${job.id} is no longer running`);
    });
  } catch (error) {
    await storage().remove(storageKey);
    throw error;
  }
}

/** FAILED with a message for the user: a domain error's own (Russian), otherwise a general one; details go to the log. */
async function fail(id: string, error: unknown, log: Log) {
  const message = error instanceof AppError ? error.message : FAILURE;
  if (!(error instanceof AppError)) log(`[reports] job ${id} failed: ${(error as Error)?.stack ?? String(error)}`);
  await db().reportJob.updateMany({
    where: { id, status: "RUNNING" },
    data: { status: "FAILED", stage: "", error: message, finishedAt: new Date() },
  });
}

/**
 * The worker's handler for one pg-boss job: builds the report with the
 * requester's scope as it is now (a revoked membership ends their reports too),
 * reports progress, keeps the file for REPORT_RETENTION_DAYS. Its outcome is on
 * the row, so it returns normally on failure too and pg-boss never retries.
 */
export async function runReportJob(options: { data: ReportJobData; log?: Log }): Promise<void> {
  const log = options.log ?? ((line: string) => logger().error(line));
  const job = await claim(options.data);
  if (!job) return;
  try {
    const scope = await loadScope(job.requestedById);
    if (!scope) throw new AppError("NOT_FOUND", "Пользователь, запросивший отчёт, не найден.");
    const progress = progressWriter(job.id, log);
    const report = await buildReport({
      scope,
      kind: job.kind as ReportKind,
      id: job.subjectId,
      format: job.format as ReportFormat,
      onProgress: progress.report,
    });
    await progress.settled();
    await finish(job, report);
  } catch (error) {
    await fail(job.id, error, log);
  }
}
