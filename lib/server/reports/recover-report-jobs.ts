import "server-only";
import { db } from "@/lib/server/db/client";
import { enqueueReportJob } from "./enqueue-report-job";

/** Kept on a job put back in the queue after an interruption (shown nowhere); a second interruption fails it. */
const INTERRUPTED_ONCE = "Формирование было прервано остановкой сервера; отчёт поставлен в очередь заново.";
const INTERRUPTED_TWICE = "Формирование отчёта дважды прерывалось остановкой сервера. Запросите отчёт ещё раз.";

/**
 * Crash safety, run before the worker takes anything. A RUNNING row at start-up
 * was left by a process that stopped mid-build (one worker process per database):
 * it is queued again once, and failed if it is interrupted a second time, so a
 * report that brings the server down cannot do so on every start. Every QUEUED
 * row is (re)sent too, in case the process stopped between the insert and the send.
 */
export async function recoverReportJobs(): Promise<{ requeued: number; failed: number }> {
  const failed = await db().reportJob.updateMany({
    where: { status: "RUNNING", error: { not: null } },
    data: { status: "FAILED", stage: "", error: INTERRUPTED_TWICE, finishedAt: new Date() },
  });
  const requeued = await db().reportJob.updateMany({
    where: { status: "RUNNING" },
    data: { status: "QUEUED", progress: 0, stage: "В очереди после перезапуска сервера", error: INTERRUPTED_ONCE },
  });
  const waiting = await db().reportJob.findMany({
    where: { status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, dedupeKey: true },
  });
  for (const job of waiting) await enqueueReportJob({ reportJobId: job.id, dedupeKey: job.dedupeKey });
  return { requeued: requeued.count, failed: failed.count };
}
