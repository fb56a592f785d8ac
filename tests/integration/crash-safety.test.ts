import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSchoolFile } from "@/lib/domain/directory/school-file";
import type { SchoolRecord } from "@/lib/domain/directory/school-table";
import { writeRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { roadmapTitle, type RoadmapFields } from "@/lib/domain/plans/roadmap-table";
import { answerableItems } from "@/lib/schemas/template";
import type { Scope } from "@/lib/scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";
import { ensureMunicipality, ensureOrganization, ensurePublishedTemplate, ensureRegion } from "@/lib/server/seed/factories";
import {
  killHard,
  runNode,
  snapshotTables,
  spawnNode,
  testConnection,
  waitUntilBackendGone,
  waitUntilBlockedBy,
} from "../support/db-locks";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { wideTemplate } from "../support/wide-template";
import { createCampaign, markAnswer, saveBlankAnswers, submitBlank } from "../support/operations";

/*
 * A server killed (SIGKILL) in the middle of an import or an acceptance leaves the
 * database as it was, and running the same thing again finishes the job.
 *
 * Each case kills the process at a known point inside its transaction: a second
 * connection first takes a lock the transaction needs late; the test waits until
 * PostgreSQL shows the process's backend waiting on that lock — everything it wrote
 * before is done and uncommitted (pg_locks shows which tables it has written) — then
 * kills it, releases the lock, and compares the touched tables with their state before.
 */

const databaseUrl = useTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "crash-safety-"));
const CLI = "lib/cli/main.ts";
const CHILD = "tests/support/crash-child.ts";

const MUNICIPALITIES = 10;
const EVENTS_PER_MUNICIPALITY = 18;
const SCHOOLS = 500;
/** Each case spawns the CLI two or three times (a few seconds each to start); a busy machine needs more. */
const CASE_TIMEOUT_MS = 180_000;
const YEAR = "2020/2021";

/** Holds the lock the killed process waits on. */
let locker: pg.Client & { pid: number };
/** Watches pg_stat_activity and reads the tables, outside the locker's transaction. */
let observer: pg.Client & { pid: number };
let regionId: string;
const municipalities: Array<{ id: string; name: string }> = [];

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  regionId = region.id;
  for (let m = 1; m <= MUNICIPALITIES; m++) {
    municipalities.push(await ensureMunicipality(db(), { regionId, name: `Тестовый район ${String(m).padStart(2, "0")}` }));
  }
  locker = await testConnection(databaseUrl(), "crash-test-locker");
  observer = await testConnection(databaseUrl(), "crash-test-observer");
});

afterAll(async () => {
  await locker?.end();
  await observer?.end();
  rmSync(dir, { recursive: true, force: true });
});

/** Kills `spawned` once it waits on the locker's lock; returns the tables it had written by then. */
async function killWhenBlocked(spawned: ReturnType<typeof spawnNode>, release: () => Promise<unknown>) {
  let blocked: Awaited<ReturnType<typeof waitUntilBlockedBy>>;
  try {
    blocked = await waitUntilBlockedBy(observer, locker.pid, spawned);
    expect(blocked.waitEventType).toBe("Lock");
    await killHard(spawned);
  } finally {
    // Whatever happened, the process is gone and the lock free before the next case.
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill("SIGKILL");
    await release();
  }
  await waitUntilBackendGone(observer, blocked.pid);
  return blocked;
}

/** The audit trail is written in the same transaction as its writes: a kill must leave none of it either. */
const AUDIT = "AuditEvent";

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe("import-roadmap killed in the middle", () => {
  const TABLES = ["Plan", "PlanEvent", "PlanEventDocument", "RegistryDocument"];
  const records: RoadmapFields[] = [];
  for (let m = 0; m < MUNICIPALITIES; m++) {
    for (let e = 1; e <= EVENTS_PER_MUNICIPALITY; e++) {
      const number = m * 100 + e;
      records.push({
        regionCode: "23",
        municipality: `Тестовый район ${String(m + 1).padStart(2, "0")}`,
        title: `Методический семинар № ${e} «Качество образования в школах с низкими результатами»`,
        description: `Семинар для руководителей школ, выпуск ${e}`,
        timing: ["22 сентября 2020 года", "Октябрь 2020 года", "До 2 ноября 2020 года", "В течение учебного года", "Ежемесячно"][e % 5]!,
        responsible: "Петрова Т.А., Ваховский Ф.И.",
        audience: "руководители общеобразовательных организаций ШНОР/ШССУ",
        documents: `Приказ управления образования от 12.10.2020 №${number} "О проведении семинара № ${e}"`,
      });
    }
  }

  it(
    `${MUNICIPALITIES * EVENTS_PER_MUNICIPALITY} events of ${MUNICIPALITIES} municipalities: the kill leaves nothing, the re-run imports all, a third run changes nothing`,
    async () => {
      // Before: the first two municipalities' roadmaps already hold their events, as written earlier.
      const earlier = records.slice(0, 2 * EVENTS_PER_MUNICIPALITY).map((r) => ({ ...r, description: "Как было" }));
      const seeded = await importRoadmap({
        scope: (await userWithRole("admin23@crash.test", "REGION_ADMIN", { regionId })).scope,
        bytes: await writeRoadmapFile({ title: roadmapTitle(YEAR), records: earlier }, "csv"),
        fileName: "earlier.csv",
      });
      expect(seeded).toMatchObject({ imported: earlier.length, errors: [] });
      const file = path.join(dir, "roadmap.csv");
      writeFileSync(file, await writeRoadmapFile({ title: roadmapTitle(YEAR), records }, "csv"));
      const before = await snapshotTables(observer, [...TABLES, AUDIT]);

      // The last municipality's roadmap is taken by us: the import waits there, with every other municipality written.
      const last = municipalities.at(-1)!;
      await locker.query("SELECT pg_advisory_lock(hashtext($1))", [`roadmap:${last.id}:${YEAR}`]);
      const blocked = await killWhenBlocked(spawnNode(CLI, ["import-roadmap", file], databaseUrl()), () =>
        locker.query("SELECT pg_advisory_unlock(hashtext($1))", [`roadmap:${last.id}:${YEAR}`]),
      );
      expect(blocked.query).toMatch(/pg_advisory_xact_lock/);
      expect(blocked.writtenTables).toEqual(expect.arrayContaining(["Plan", "PlanEvent", "PlanEventDocument", "RegistryDocument"]));
      expect(await snapshotTables(observer, [...TABLES, AUDIT])).toEqual(before);

      const rerun = await runNode(CLI, ["import-roadmap", file], databaseUrl());
      expect(rerun.stderr).not.toMatch(/Error/);
      expect(rerun.code).toBe(0);
      expect(json(rerun.stdout)).toEqual({
        imported: records.length - earlier.length,
        updated: earlier.length,
        errors: [],
        notices: expect.any(Array),
      });
      const plans = await db().plan.findMany({
        where: { kind: "ROADMAP", schoolYear: YEAR },
        include: { _count: { select: { events: true } } },
      });
      expect(plans).toHaveLength(MUNICIPALITIES);
      expect(plans.every((p) => p._count.events === EVENTS_PER_MUNICIPALITY)).toBe(true);
      expect(await db().planEvent.count({ where: { description: "Как было" } })).toBe(0);
      expect(await db().registryDocument.count()).toBe(records.length);
      expect(await db().planEventDocument.count({ where: { documentId: { not: null } } })).toBe(records.length);

      // Idempotent: the same file again updates every event to what it already is.
      const done = await snapshotTables(observer, TABLES, ["id", "updatedAt", "createdAt"]);
      const third = await runNode(CLI, ["import-roadmap", file], databaseUrl());
      expect(json(third.stdout)).toEqual({ imported: 0, updated: records.length, errors: [], notices: expect.any(Array) });
      expect(await snapshotTables(observer, TABLES, ["id", "updatedAt", "createdAt"])).toEqual(done);
    },
    CASE_TIMEOUT_MS,
  );
});

describe("schools import killed in the middle", () => {
  const TABLES = ["Organization", "OrganizationAddress"];

  it(
    `${SCHOOLS} schools: the kill leaves nothing, the re-run imports all, a third run changes nothing`,
    async () => {
      const municipality = await ensureMunicipality(db(), { regionId, name: "Школьный район" });
      // The school the file's last row updates; it is there before, with another phone.
      const lastSchool: SchoolRecord = {
        name: "МБОУ СОШ № 9999",
        headName: "Иванова Мария Петровна",
        phone: "3-99-99",
        addresses: [{ label: null, address: "353560, Краснодарский край, г. Славянск-на-Кубани, ул. Последняя, 1" }],
      };
      const existing = await ensureOrganization(db(), {
        regionId,
        municipalityId: municipality.id,
        kind: "SCHOOL",
        ...lastSchool,
        phone: "3-00-00",
      });
      const schools: SchoolRecord[] = Array.from({ length: SCHOOLS }, (_, i) => ({
        name: `МБОУ СОШ № ${i + 1}`,
        headName: `Руководитель ${i + 1}`,
        phone: `3-${String(10 + (i % 90))}-${String(10 + (i % 89))}`,
        addresses: [
          { label: "старший корпус", address: `353560, Краснодарский край, г. Славянск-на-Кубани, ул. Школьная, ${i + 1}` },
          { label: "младший корпус", address: `353560, Краснодарский край, г. Славянск-на-Кубани, ул. Садовая, ${i + 1}` },
        ],
      }));
      const file = path.join(dir, "schools.csv");
      writeFileSync(file, await writeSchoolFile([...schools, lastSchool], "csv"));
      const args = ["schools", "import", file, "--municipality", "23/Школьный район"];
      const before = await snapshotTables(observer, [...TABLES, AUDIT]);

      // The last row's school is held by us: the import waits there, with every new school written.
      await locker.query("BEGIN");
      await locker.query(`SELECT 1 FROM "Organization" WHERE id = $1 FOR UPDATE`, [existing.id]);
      const blocked = await killWhenBlocked(spawnNode(CLI, args, databaseUrl()), () => locker.query("ROLLBACK"));
      expect(blocked.writtenTables).toEqual(expect.arrayContaining(["Organization", "OrganizationAddress"]));
      expect(await snapshotTables(observer, [...TABLES, AUDIT])).toEqual(before);

      const rerun = await runNode(CLI, args, databaseUrl());
      expect(rerun.stderr).not.toMatch(/Error/);
      expect(rerun.code).toBe(0);
      expect(json(rerun.stdout)).toMatchObject({ dryRun: false, created: SCHOOLS, updated: 1, unchanged: 0, errors: [] });
      expect(await db().organization.count({ where: { municipalityId: municipality.id } })).toBe(SCHOOLS + 1);
      expect(await db().organizationAddress.count({ where: { organization: { municipalityId: municipality.id } } })).toBe(2 * SCHOOLS + 1);
      expect(await db().organization.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ phone: lastSchool.phone });

      const done = await snapshotTables(observer, TABLES);
      const third = await runNode(CLI, args, databaseUrl());
      expect(json(third.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: SCHOOLS + 1, errors: [] });
      expect(await snapshotTables(observer, TABLES)).toEqual(done);
    },
    CASE_TIMEOUT_MS,
  );
});

describe("acceptance killed in the middle", () => {
  const ITEMS = 20;
  let auditor: { scope: Scope };
  let templateVersionId: string;
  let items: ReturnType<typeof answerableItems>;

  beforeAll(async () => {
    const document = wideTemplate("wide-crash", ITEMS);
    templateVersionId = (await ensurePublishedTemplate(db(), { regionId, document })).version.id;
    items = answerableItems(document.content);
    auditor = await userWithRole("auditor@crash.test", "REGION_AUDITOR", { regionId });
  });

  it(
    "an auditor's acceptance (status, history, findings, notification): the kill leaves the blank waiting, the re-run accepts it once",
    async () => {
      const TABLES = ["Blank", "Answer", "AnswerChange", "Finding", "Notification"];
      const municipality = municipalities[0]!;
      const coordinator = await userWithRole("mo@crash.test", "MUNICIPAL_COORDINATOR", { regionId, municipalityId: municipality.id });
      const campaign = await createCampaign({
        scope: auditor.scope,
        input: {
          name: "Аудит перед сбоем",
          goal: "проверка устойчивости",
          tasks: ["ничего не потерять"],
          date: "2022-12-06",
          deadline: "2022-11-25",
          templateVersionIds: [templateVersionId],
          municipalityIds: [municipality.id],
          schoolIds: [],
        },
      });
      const blank = await db().blank.findFirstOrThrow({ where: { campaignId: campaign.id } });
      const { version } = await saveBlankAnswers({
        scope: coordinator.scope,
        input: {
          blankId: blank.id,
          version: blank.version,
          answers: items.map((item) => ({ itemKey: item.key, value: { kind: "TEXT", text: item.number } })),
        },
      });
      await submitBlank({ scope: coordinator.scope, input: { blankId: blank.id, version } });
      await markAllMatching({ scope: auditor.scope, blankId: blank.id });
      const mismatched = items.slice(0, 5);
      for (const item of mismatched) {
        await markAnswer({ scope: auditor.scope, input: { blankId: blank.id, itemKey: item.key, mark: "MISMATCH", comment: "" } });
      }
      const before = await snapshotTables(observer, [...TABLES, AUDIT]);
      const accept = JSON.stringify({ scope: auditor.scope, blankId: blank.id });

      // The notification to the coordinator is its last write: the acceptance waits there, everything else written.
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "Notification" IN SHARE ROW EXCLUSIVE MODE`);
      const blocked = await killWhenBlocked(spawnNode(CHILD, ["accept-blank", accept], databaseUrl()), () => locker.query("ROLLBACK"));
      expect(blocked.writtenTables).toEqual(expect.arrayContaining(["Blank", "AnswerChange", "Finding"]));
      expect(await snapshotTables(observer, [...TABLES, AUDIT])).toEqual(before);
      expect(await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).toMatchObject({ status: "SUBMITTED", acceptedAt: null });

      const rerun = await runNode(CHILD, ["accept-blank", accept], databaseUrl());
      expect(rerun.stderr).toBe("");
      expect(rerun.code).toBe(0);
      expect(await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).toMatchObject({ status: "ACCEPTED", score: 75 });
      const findings = await db().finding.findMany({ where: { blankId: blank.id }, select: { itemKey: true, status: true } });
      expect(findings.map((f) => f.itemKey).sort()).toEqual(mismatched.map((i) => i.key).sort());
      expect(await db().answerChange.count({ where: { blankId: blank.id, field: "status", after: { equals: "ACCEPTED" } } })).toBe(1);
      expect(await db().notification.count({ where: { userId: coordinator.user.id, title: "Бланк принят" } })).toBe(1);

      // Accepting again is refused and changes nothing.
      const done = await snapshotTables(observer, TABLES);
      await expect(acceptBlank({ scope: auditor.scope, blankId: blank.id })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await snapshotTables(observer, TABLES)).toEqual(done);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    `a campaign from the previous one (${MUNICIPALITIES} blanks with their answers carried over): the kill leaves no campaign, the re-run creates it whole`,
    async () => {
      const TABLES = ["Campaign", "CampaignTemplate", "Blank", "Answer"];
      const previous = await createCampaign({
        scope: auditor.scope,
        input: {
          name: "Аудит 2022",
          goal: "изучение процесса",
          tasks: ["выявление проблем"],
          date: "2022-12-06",
          deadline: "2022-11-25",
          templateVersionIds: [templateVersionId],
          municipalityIds: municipalities.map((m) => m.id),
          schoolIds: [],
        },
      });
      const oldBlanks = await db().blank.findMany({ where: { campaignId: previous.id }, select: { id: true } });
      await db().answer.createMany({
        data: oldBlanks.flatMap((b) =>
          items.map((item) => ({ blankId: b.id, itemKey: item.key, value: asJson({ kind: "TEXT", text: item.number }) })),
        ),
      });
      // The blanks in the order the operation reads them: the last one's municipality is held by us,
      // so it waits on its last blank (the foreign key check), with the campaign and the other blanks written.
      const read = await db().campaign.findFirstOrThrow({
        where: { id: previous.id },
        include: { blanks: { select: { municipalityId: true } } },
      });
      const lastMunicipalityId = read.blanks.at(-1)!.municipalityId;
      const before = await snapshotTables(observer, [...TABLES, AUDIT]);
      const input = JSON.stringify({
        scope: auditor.scope,
        input: { previousCampaignId: previous.id, name: "Аудит 2023", date: "2023-12-06", deadline: "2023-11-25" },
      });

      await locker.query("BEGIN");
      await locker.query(`SELECT 1 FROM "Municipality" WHERE id = $1 FOR UPDATE`, [lastMunicipalityId]);
      const blocked = await killWhenBlocked(spawnNode(CHILD, ["campaign-from-previous", input], databaseUrl()), () =>
        locker.query("ROLLBACK"),
      );
      expect(blocked.query).toMatch(/INSERT INTO "public"\."Blank"/);
      expect(blocked.writtenTables).toEqual(expect.arrayContaining(["Campaign", "CampaignTemplate", "Blank", "Answer"]));
      expect(await snapshotTables(observer, [...TABLES, AUDIT])).toEqual(before);

      const rerun = await runNode(CHILD, ["campaign-from-previous", input], databaseUrl());
      expect(rerun.stderr).toBe("");
      expect(rerun.code).toBe(0);
      const created = json(rerun.stdout) as { id: string };
      const blanks = await db().blank.findMany({ where: { campaignId: created.id }, include: { _count: { select: { answers: true } } } });
      expect(blanks).toHaveLength(MUNICIPALITIES);
      expect(blanks.every((b) => b.status === "IN_PROGRESS" && b._count.answers === ITEMS)).toBe(true);
      expect(await db().answer.count({ where: { blank: { campaignId: created.id }, carriedOver: true } })).toBe(MUNICIPALITIES * ITEMS);
      expect(await db().campaign.count({ where: { previousCampaignId: previous.id } })).toBe(1);
    },
    CASE_TIMEOUT_MS,
  );
});
