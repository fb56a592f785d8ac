import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/server/db/client";
import { queueOn, startBoss } from "@/lib/server/jobs/boss";
import { enqueueReportJob, REPORT_QUEUE, type ReportJobData } from "./request-report";
import { runReportJob } from "./run-report-job";

type Log = (line: string) => void;

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

/** Clients that already have a report worker: a second start must not run two reports at once. */
const working = new WeakSet<PgBoss>();

/**
 * Starts the background report worker in this process: the queue client on the
 * app's database, recovery of interrupted jobs, then one report at a time
 * (batchSize 1: on two cores one PDF build is load enough beside the web server).
 */
export async function startReportWorker(options: { connectionString: string; log?: Log }): Promise<PgBoss> {
  const log = options.log ?? console.log;
  await startBoss(options.connectionString, log);
  const client = await queueOn(REPORT_QUEUE);
  if (working.has(client)) return client;
  working.add(client);
  const { requeued, failed } = await recoverReportJobs();
  if (requeued || failed) log(`[reports] interrupted reports: ${requeued} queued again, ${failed} failed`);
  await client.work<ReportJobData>(REPORT_QUEUE.name, { batchSize: 1 }, async ([job]) => {
    if (job) await runReportJob({ data: job.data, log });
  });
  return client;
}
