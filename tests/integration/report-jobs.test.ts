import { buffer as bytesOf } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as requestRoute } from "@/app/api/reports/jobs/route";
import { GET as jobRoute } from "@/app/api/reports/jobs/[id]/route";
import { GET as fileRoute } from "@/app/api/reports/jobs/[id]/file/route";
import type { Scope } from "@/lib/scope";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { getScope } from "@/lib/server/auth/get-scope";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import { startBoss, stopBoss } from "@/lib/server/jobs/boss";
import { buildReport } from "@/lib/server/reports/build-report";
import { expireReportFiles } from "@/lib/server/reports/expire-report-files";
import { getReportJob } from "@/lib/server/reports/get-report-job";
import type { ReportJobView } from "@/lib/server/reports/report-job-view";
import { requestReport } from "@/lib/server/reports/request-report";
import { startReportWorker } from "@/lib/server/reports/start-report-worker";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { codeOf } from "../support/refusals";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));
// The real build, wrapped so that one test can hold a job in RUNNING.
vi.mock("@/lib/server/reports/build-report", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/reports/build-report")>();
  return { buildReport: vi.fn(real.buildReport) };
});

const databaseUrl = useTestDatabase();
useScratchStorage("report-jobs-");

const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
const call = <P>(
  route: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  url: string,
  params: P,
  init?: RequestInit,
) => route(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });

const scopeOf = async (email: string): Promise<Scope> => {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadScope(user.id))!;
};

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a job until it is finished, recording every progress value seen on the way. */
async function untilFinished(scope: Scope, id: string, seen: number[] = []): Promise<ReportJobView> {
  for (const start = Date.now(); Date.now() - start < 55_000; await sleep(20)) {
    const job = await getReportJob({ scope, id });
    seen.push(job.progress);
    if (job.status === "DONE" || job.status === "FAILED") return job;
  }
  throw new Error(`report job ${id} did not finish`);
}

const log: string[] = [];
let campaignId: string;
let auditor: Scope;
let admin: Scope;
let stranger: Scope;

beforeAll(async () => {
  await seedDemo({ db: db() });
  const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
  campaignId = (await db().campaign.findFirstOrThrow({ where: { regionId: krasnodar.id, name: SEED_CAMPAIGN.name } })).id;
  auditor = await scopeOf("auditor@demo.local");
  admin = await scopeOf("admin@demo.local");
  stranger = await scopeOf("admin42@demo.local");
  // The queue client alone: jobs wait until the worker is started below.
  await startBoss(databaseUrl());
});

afterAll(async () => {
  await stopBoss({ graceful: false });
  vi.unstubAllEnvs();
});

describe("background reports", () => {
  let jobId: string;

  it("queue a campaign report once, however often it is asked for while it waits or runs", async () => {
    const first = await requestReport({ scope: auditor, kind: "campaign", id: campaignId, format: "pdf" });
    expect(first).toMatchObject({ status: "QUEUED", progress: 0, kindLabel: expect.any(String), downloadUrl: null });
    expect(first.title).toContain(SEED_CAMPAIGN.name);
    jobId = first.id;

    const again = await Promise.all(
      [1, 2, 3].map(() => requestReport({ scope: auditor, kind: "campaign", id: campaignId, format: "pdf" })),
    );
    expect(again.map((job) => job.id)).toEqual([jobId, jobId, jobId]);

    // Held in RUNNING until released, to ask again while it runs.
    const { buildReport: realBuild } =
      await vi.importActual<typeof import("@/lib/server/reports/build-report")>("@/lib/server/reports/build-report");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(buildReport).mockImplementationOnce(async (options) => {
      await gate;
      return realBuild(options);
    });
    await startReportWorker({ connectionString: databaseUrl(), log: (line) => log.push(line) });

    const seen: number[] = [];
    for (let job = await getReportJob({ scope: auditor, id: jobId }); job.status !== "RUNNING"; await sleep(20)) {
      job = await getReportJob({ scope: auditor, id: jobId });
    }
    as(auditor);
    const whileRunning = await call(
      requestRoute,
      "/api/reports/jobs",
      {},
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "campaign", id: campaignId }),
      },
    );
    expect(whileRunning.status).toBe(202);
    expect(await whileRunning.json()).toMatchObject({ id: jobId, status: "RUNNING" });
    expect(await db().reportJob.count()).toBe(1);
    expect(await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'report'`).toEqual([{ n: 1n }]);

    release();
    const done = await untilFinished(auditor, jobId, seen);
    expect(done.error, log.join("\n")).toBeNull();
    expect(done).toMatchObject({ status: "DONE", progress: 100, downloadUrl: `/api/reports/jobs/${jobId}/file` });
    expect(done.fileName).toMatch(/\.pdf$/);
    // Kept for 7 days from the end of the build.
    expect(new Date(done.expiresAt!).getTime() - new Date(done.finishedAt!).getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    // Progress only ever grows, and ends at 100.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(100);
    expect(new Set(seen).size).toBeGreaterThan(1);
  });

  it("keep the PDF as a file of the campaign's region, and serve it to the requester only", async () => {
    const row = await db().reportJob.findUniqueOrThrow({ where: { id: jobId } });
    const file = await db().storedFile.findUniqueOrThrow({ where: { id: row.fileId! } });
    expect(file).toMatchObject({ regionId: row.regionId, mimeType: "application/pdf", uploadedById: auditor.userId, name: row.fileName });
    const stored = await bytesOf(await storage().read(file.storageKey));
    expect(stored.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(stored.byteLength).toBe(file.size);

    as(auditor);
    const download = await call(fileRoute, `/api/reports/jobs/${jobId}/file`, { id: jobId });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("cache-control")).toContain("no-store");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(stored)).toBe(true);

    const status = await call(jobRoute, `/api/reports/jobs/${jobId}`, { id: jobId });
    expect(await status.json()).toMatchObject({ id: jobId, status: "DONE" });
    const list = await call(listRoute, "/api/reports/jobs", {});
    expect((await list.json()).rows.map((job: ReportJobView) => job.id)).toEqual([jobId]);

    // Another user of the same region sees neither the job nor its file.
    as(admin);
    expect((await call(jobRoute, `/api/reports/jobs/${jobId}`, { id: jobId })).status).toBe(404);
    expect((await call(fileRoute, `/api/reports/jobs/${jobId}/file`, { id: jobId })).status).toBe(404);
    expect((await (await call(listRoute, "/api/reports/jobs", {})).json()).rows).toEqual([]);
  });

  it("refuse another region's campaign as not found, before anything is queued", async () => {
    expect(await codeOf(requestReport({ scope: stranger, kind: "campaign", id: campaignId, format: "pdf" }))).toBe("NOT_FOUND");
    as(stranger);
    const refused = await call(
      requestRoute,
      "/api/reports/jobs",
      {},
      { method: "POST", body: JSON.stringify({ kind: "campaign", id: campaignId }) },
    );
    expect(refused.status).toBe(404);
    const unknownKind = await call(
      requestRoute,
      "/api/reports/jobs",
      {},
      { method: "POST", body: JSON.stringify({ kind: "nonsense", id: campaignId }) },
    );
    expect(unknownKind.status).toBe(422);
    expect(await db().reportJob.count({ where: { requestedById: stranger.userId } })).toBe(0);
  });

  it("remove the file once it has been kept long enough; the job stays, without a download", async () => {
    const row = await db().reportJob.findUniqueOrThrow({ where: { id: jobId } });
    const file = await db().storedFile.findUniqueOrThrow({ where: { id: row.fileId! } });
    expect(await expireReportFiles()).toEqual({ expired: 0 });

    await db().reportJob.update({ where: { id: jobId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expireReportFiles()).toEqual({ expired: 1 });
    expect(await db().storedFile.findUnique({ where: { id: file.id } })).toBeNull();
    await expect(storage().read(file.storageKey)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await getReportJob({ scope: auditor, id: jobId })).toMatchObject({ status: "DONE", downloadUrl: null });

    as(auditor);
    expect((await call(fileRoute, `/api/reports/jobs/${jobId}/file`, { id: jobId })).status).toBe(404);
    expect(await expireReportFiles()).toEqual({ expired: 0 });
  });

  it("after a crash, queue an interrupted job again once, and fail one interrupted a second time", async () => {
    await stopBoss({ graceful: false });
    const { regionId } = await db().campaign.findUniqueOrThrow({ where: { id: campaignId } });
    // What a process killed mid-build leaves behind: RUNNING rows nobody works on.
    const stale = (requester: Scope, error: string | null) =>
      db().reportJob.create({
        data: {
          regionId,
          requestedById: requester.userId,
          kind: "campaign",
          subjectId: campaignId,
          dedupeKey: `campaign:${campaignId}:pdf:${requester.userId}`,
          status: "RUNNING",
          progress: 40,
          stage: "Сбор данных",
          title: "Прерванный отчёт",
          startedAt: new Date(),
          error,
        },
      });
    const once = await stale(admin, null);
    const twice = await stale(auditor, "Формирование было прервано остановкой сервера; отчёт поставлен в очередь заново.");

    await startReportWorker({ connectionString: databaseUrl(), log: (line) => log.push(line) });
    expect(log).toContain("[reports] interrupted reports: 1 queued again, 1 failed");
    expect(await getReportJob({ scope: auditor, id: twice.id })).toMatchObject({
      status: "FAILED",
      error: "Формирование отчёта дважды прерывалось остановкой сервера. Запросите отчёт ещё раз.",
    });
    const rerun = await untilFinished(admin, once.id);
    expect(rerun.error, log.join("\n")).toBeNull();
    expect(rerun).toMatchObject({ status: "DONE", progress: 100, downloadUrl: `/api/reports/jobs/${once.id}/file` });
  });

  it("make the DOCX twin as a job of its own, kept, served and journaled as a Word document", async () => {
    as(auditor);
    const asked = await call(
      requestRoute,
      "/api/reports/jobs",
      {},
      { method: "POST", body: JSON.stringify({ kind: "campaign", id: campaignId, format: "docx" }) },
    );
    expect(asked.status).toBe(202);
    const queued = (await asked.json()) as ReportJobView;
    // Not the PDF job of the same report by the same user: the format is part of what is asked for.
    expect(queued).toMatchObject({ status: "QUEUED", formatLabel: "DOCX" });
    expect(queued.id).not.toBe(jobId);
    const again = await requestReport({ scope: auditor, kind: "campaign", id: campaignId, format: "docx" });
    expect([again.id]).toContain(queued.id);

    const done = await untilFinished(auditor, queued.id);
    expect(done.error, log.join("\n")).toBeNull();
    expect(done.fileName).toMatch(new RegExp(`^Итоги аудита — ${SEED_CAMPAIGN.name}.*\\.docx$`));
    const download = await call(fileRoute, `/api/reports/jobs/${queued.id}/file`, { id: queued.id });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(DOCX_MIME);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    // The journal records the kept file as it records a PDF's, under its Word name and type.
    const row = await db().reportJob.findUniqueOrThrow({ where: { id: queued.id } });
    const created = await db().auditEvent.findFirstOrThrow({ where: { entity: "StoredFile", entityId: row.fileId!, action: "CREATE" } });
    expect(created.after).toMatchObject({ name: done.fileName, mimeType: DOCX_MIME });

    const badFormat = await call(
      requestRoute,
      "/api/reports/jobs",
      {},
      { method: "POST", body: JSON.stringify({ kind: "campaign", id: campaignId, format: "odt" }) },
    );
    expect(badFormat.status).toBe(422);
    expect(JSON.stringify(await badFormat.json())).toContain("Формат отчёта: «pdf» или «docx».");
  });
});
