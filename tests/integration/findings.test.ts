import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import type { Scope } from "@/lib/scope";
import { PAST_DEADLINE } from "@/lib/schemas/finding";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { storeFile } from "@/lib/server/files/store-file";
import { getFinding } from "@/lib/server/findings/get-finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { pdfSample } from "../support/file-samples";
import { codeOf, refusal } from "../support/refusals";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import {
  createDocument,
  listFindings,
  markFindingFixed,
  reopenFinding,
  saveBlankAnswers,
  submitBlank,
  updateFindingPlan,
  verifyFinding,
} from "../support/operations";

useTestDatabase();
// Uploaded evidence goes to a scratch folder, not the app's data folder.
useScratchStorage("finding-files-");

let w: CampaignWorld;
/** Findings of A1's municipal blank and of school A1-1's blank, in item order. */
let municipal: FindingRow[];
let school: FindingRow[];
let acceptedAt: Date;

/** Fills (a little), submits, marks and accepts a blank: its unanswered items become findings. */
async function acceptWithFindings(subjectId: string, participant: Scope, answers: Array<{ itemKey: string; value: unknown }>) {
  let blank = await w.blankOf(subjectId);
  if (answers.length) await saveBlankAnswers({ scope: participant, input: { blankId: blank.id, version: blank.version, answers } });
  blank = await w.blankOf(subjectId);
  await submitBlank({ scope: participant, input: { blankId: blank.id, version: blank.version } });
  await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
  await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });
  return db().blank.findUniqueOrThrow({ where: { id: blank.id } });
}

beforeAll(async () => {
  w = await buildCampaignWorld("fnd");
  const document = {
    kind: "DOCUMENT",
    present: true,
    docType: "Приказ",
    issuer: "УО",
    date: "2022-08-30",
    number: "512-од",
    title: "Об организации работы БШ",
    fileId: null,
  };
  const accepted = await acceptWithFindings(w.t.a1.id, w.moA1.scope, [
    { itemKey: w.item("municipal", "1.1.1").key, value: document },
    { itemKey: w.item("municipal", "1.2.1").key, value: { ...document, present: false } },
  ]);
  acceptedAt = accepted.acceptedAt!;
  await acceptWithFindings(w.t.a1s1.id, w.schoolA1.scope, []);
  const all = await listFindings({ scope: w.auditor.scope, query: { sort: "item", pageSize: 100 } });
  municipal = all.rows.filter((r) => r.participant === "Муниципалитет A1");
  school = all.rows.filter((r) => r.participant === "Школа A1-1 (Муниципалитет A1)");
});

const finding = (rows: FindingRow[], number: string) => rows.find((r) => r.itemNumber === number)!;
const statusOf = async (id: string) => (await db().finding.findUniqueOrThrow({ where: { id } })).remediationStatus;

describe("findings of an accepted blank", () => {
  it("are listed for the auditor, with the item, its status, severity and a deadline 30 days after acceptance", async () => {
    expect(municipal.length).toBeGreaterThan(5);
    expect(school.length).toBeGreaterThan(5);
    // The one item answered in full is compliant: no finding.
    expect(municipal.find((r) => r.itemTitle === "-об организации работы БШ")).toBeUndefined();
    expect(municipal.map((r) => r.itemTitle)).toContain("- о назначении муниципального координатора");
    const absent = finding(municipal, "1.2.1");
    expect(absent).toMatchObject({
      itemTitle: "План работы",
      status: "ABSENT",
      statusLabel: "отсутствует",
      severity: "HIGH",
      remediationStatus: "OPEN",
      overdue: false,
      responsible: null,
      campaignName: "Методический аудит МЦДО 2022",
    });
    const deadline = new Date(acceptedAt.getTime() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect(absent.deadline).toBe(deadline);
    expect(finding(municipal, "2.1")).toMatchObject({ status: "NOT_ANSWERED", statusLabel: "не заполнено", severity: "LOW" });
  });

  it("are visible to their participants only: the municipality sees its schools', the school its own", async () => {
    const total = municipal.length + school.length;
    expect((await listFindings({ scope: w.moA1.scope, query: { pageSize: 100 } })).total).toBe(total);
    const schools = await listFindings({ scope: w.schoolA1.scope, query: { pageSize: 100 } });
    expect(schools.rows.map((r) => r.id).sort()).toEqual(school.map((r) => r.id).sort());
    expect((await listFindings({ scope: w.moA2.scope, query: {} })).total).toBe(0);
    expect((await listFindings({ scope: w.adminB.scope, query: {} })).total).toBe(0);

    const id = finding(municipal, "1.2.1").id;
    expect((await getFinding({ scope: w.moA1.scope, id })).itemTitle).toBe("План работы");
    expect(await codeOf(getFinding({ scope: w.moA2.scope, id }))).toBe("NOT_FOUND");
    expect(await codeOf(getFinding({ scope: w.adminB.scope, id }))).toBe("NOT_FOUND");
    expect(await codeOf(getFinding({ scope: w.schoolA1.scope, id }))).toBe("NOT_FOUND");
    expect(await codeOf(markFindingFixed({ scope: w.moA2.scope, input: { findingId: id, comment: "Сделано" } }))).toBe("NOT_FOUND");
    expect(await codeOf(verifyFinding({ scope: w.adminB.scope, input: { findingId: id } }))).toBe("NOT_FOUND");
  });

  it("offer each caller only the actions that are theirs", async () => {
    const id = finding(municipal, "1.2.1").id;
    const mine = await getFinding({ scope: w.moA1.scope, id });
    expect(mine).toMatchObject({ canFix: true, canReview: false, canEditDeadline: false, canEditResponsible: true });
    expect(mine.fileOwner).toBe(`municipality:${w.t.a1.id}`);
    const staff = await getFinding({ scope: w.auditor.scope, id });
    expect(staff).toMatchObject({ canFix: false, canReview: false, canEditDeadline: true, canEditResponsible: true });
    // The municipality sees its school's findings, but the school fixes them.
    const schoolFinding = await getFinding({ scope: w.moA1.scope, id: school[0]!.id });
    expect(schoolFinding).toMatchObject({ canFix: false, canEditResponsible: false });
    expect(schoolFinding.fileOwner).toBe(`organization:${w.t.a1s1.id}`);
  });
});

describe("remediation", () => {
  it("is reported by the participant only, with a comment or a document", async () => {
    const id = finding(municipal, "2.1").id;
    expect(await codeOf(markFindingFixed({ scope: w.auditor.scope, input: { findingId: id, comment: "Сделано" } }))).toBe("FORBIDDEN");
    const schoolId = school[0]!.id;
    expect(await codeOf(markFindingFixed({ scope: w.moA1.scope, input: { findingId: schoolId, comment: "Сделано" } }))).toBe("FORBIDDEN");

    const empty = await markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, comment: "   " } }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ZodError);
    expect((empty as ZodError).issues[0]!.message).toBe("Опишите, что сделано, или приложите подтверждающий документ.");

    // A document must be the participant's own fresh upload (it becomes the finding's), not another's nor one that
    // already belongs to something else: its readers would otherwise change.
    const pdf = (scope: Scope, municipalityId: string, organizationId: string | null) =>
      storeFile({
        scope,
        owner: { regionId: w.t.regionA.id, municipalityId, organizationId },
        name: "Приказ.pdf",
        bytes: pdfSample(),
        allowed: ALL_FILE_KINDS,
      });
    const foreign = await pdf(w.moA2.scope, w.t.a2.id, null);
    const filed = await pdf(w.moA1.scope, w.t.a1.id, null);
    await createDocument({
      scope: w.moA1.scope,
      input: { owner: `municipality:${w.t.a1.id}`, type: "приказ", date: "2024-05-05", number: "55-ф", title: "О плане", fileId: filed.id },
    });
    for (const file of [foreign, filed]) {
      const error = await refusal(markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, fileId: file.id } }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors.fileId).toEqual(["Файл не найден: загрузите его заново."]);
    }
    expect(await statusOf(id)).toBe("OPEN");
    expect(await db().findingEvent.count({ where: { findingId: id } })).toBe(0);

    const own = await pdf(w.moA1.scope, w.t.a1.id, null);
    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, fileId: own.id } });
    const fixed = await getFinding({ scope: w.auditor.scope, id });
    expect(fixed).toMatchObject({
      remediationStatus: "FIXED",
      evidenceComment: null,
      evidenceFile: { id: own.id, name: "Приказ.pdf" },
      canReview: true,
    });
  });

  it("is verified by region staff only, and only once it is reported fixed", async () => {
    const open = finding(municipal, "2.2").id;
    expect(await codeOf(verifyFinding({ scope: w.auditor.scope, input: { findingId: open } }))).toBe("CONFLICT");
    expect(await codeOf(reopenFinding({ scope: w.auditor.scope, input: { findingId: open, comment: "Нет" } }))).toBe("CONFLICT");
    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: open, comment: "База обновлена" } });
    expect(await codeOf(verifyFinding({ scope: w.moA1.scope, input: { findingId: open } }))).toBe("FORBIDDEN");
    expect(await codeOf(reopenFinding({ scope: w.moA1.scope, input: { findingId: open, comment: "Нет" } }))).toBe("FORBIDDEN");
    expect(await codeOf(markFindingFixed({ scope: w.moA1.scope, input: { findingId: open, comment: "Ещё раз" } }))).toBe("CONFLICT");
    expect(await statusOf(open)).toBe("FIXED");
  });

  it("of two simultaneous verifications, exactly one lands", async () => {
    const id = finding(municipal, "2.3.1").id;
    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, comment: "Личные дела оформлены" } });
    const results = await Promise.allSettled([
      verifyFinding({ scope: w.auditor.scope, input: { findingId: id } }),
      reopenFinding({ scope: w.auditor.scope, input: { findingId: id, comment: "Не все дела" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    const events = await db().findingEvent.findMany({ where: { findingId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toHaveLength(2);
    expect(events[0]!.action).toBe("FIXED");
    expect(events[1]!.toStatus).toBe(await statusOf(id));
  });

  it("goes OPEN → FIXED → REOPENED → FIXED → VERIFIED, each step in the history and notified", async () => {
    const id = finding(municipal, "1.2.1").id;
    const evidence = await storeFile({
      scope: w.moA1.scope,
      owner: { regionId: w.t.regionA.id, municipalityId: w.t.a1.id, organizationId: null },
      name: "План работы МЦДО.pdf",
      bytes: pdfSample("План работы"),
      allowed: ALL_FILE_KINDS,
    });
    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, comment: "План утверждён приказом № 48", fileId: evidence.id } });
    const toAuditor = await db().notification.findMany({ where: { userId: w.auditor.user.id, link: `/findings/${id}` } });
    expect(toAuditor).toHaveLength(1);
    expect(toAuditor[0]).toMatchObject({ title: "Замечание устранено: требуется проверка" });
    expect(toAuditor[0]!.body).toContain("1.2.1 План работы");

    const noReason = await reopenFinding({ scope: w.auditor.scope, input: { findingId: id, comment: " " } }).catch((e: unknown) => e);
    expect((noReason as ZodError).issues[0]!.message).toBe("Укажите, что не устранено.");
    await reopenFinding({ scope: w.auditor.scope, input: { findingId: id, comment: "В плане нет раздела о БШ" } });
    const toParticipant = await db().notification.findMany({ where: { userId: w.moA1.user.id, link: `/findings/${id}` } });
    expect(toParticipant).toHaveLength(1);
    expect(toParticipant[0]).toMatchObject({ title: "Замечание возвращено в работу" });
    expect(toParticipant[0]!.body).toContain("В плане нет раздела о БШ");
    const reopened = await getFinding({ scope: w.moA1.scope, id });
    expect(reopened).toMatchObject({ remediationStatus: "REOPENED", canFix: true });

    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, comment: "Раздел о БШ добавлен" } });
    await verifyFinding({ scope: w.auditor.scope, input: { findingId: id, comment: "Проверено" } });

    const done = await getFinding({ scope: w.moA1.scope, id });
    expect(done).toMatchObject({
      remediationStatus: "VERIFIED",
      evidenceComment: "Раздел о БШ добавлен",
      canFix: false,
      canReview: false,
      canEditResponsible: false,
    });
    expect(done.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.comment])).toEqual([
      ["FIXED", "OPEN", "FIXED", "План утверждён приказом № 48"],
      ["REOPENED", "FIXED", "REOPENED", "В плане нет раздела о БШ"],
      ["FIXED", "REOPENED", "FIXED", "Раздел о БШ добавлен"],
      ["VERIFIED", "FIXED", "VERIFIED", "Проверено"],
    ]);
    expect(done.events[0]!.file).toEqual({ id: evidence.id, name: "План работы МЦДО.pdf" });
    expect(done.events.every((e) => e.userName === w.moA1.scope.name || e.userName === w.auditor.scope.name)).toBe(true);

    // A verified finding is closed.
    expect(await codeOf(reopenFinding({ scope: w.auditor.scope, input: { findingId: id, comment: "Ещё раз" } }))).toBe("CONFLICT");
    expect(await codeOf(markFindingFixed({ scope: w.moA1.scope, input: { findingId: id, comment: "Ещё раз" } }))).toBe("CONFLICT");
    expect(await codeOf(updateFindingPlan({ scope: w.auditor.scope, input: { findingId: id, responsible: "Иванов" } }))).toBe("CONFLICT");
  });
});

describe("the remediation plan", () => {
  it("takes a deadline from the staff, never one in the past, and a responsible person from either side", async () => {
    const id = finding(municipal, "2.3").id;
    const past = await refusal(
      updateFindingPlan({ scope: w.auditor.scope, input: { findingId: id, deadline: "2020-01-01", responsible: "" } }),
    );
    expect(past.code).toBe("VALIDATION");
    expect(past.fieldErrors.deadline).toEqual([PAST_DEADLINE]);
    expect(past.message).toBe("Срок устранения не может быть в прошлом.");

    await updateFindingPlan({ scope: w.auditor.scope, input: { findingId: id, deadline: "2099-03-31", responsible: "Петрова А. С." } });
    const participantDeadline = await refusal(
      updateFindingPlan({ scope: w.moA1.scope, input: { findingId: id, deadline: "2099-12-31", responsible: "Петрова А. С." } }),
    );
    expect(participantDeadline.code).toBe("FORBIDDEN");
    await updateFindingPlan({ scope: w.moA1.scope, input: { findingId: id, responsible: "Сидоров И. И., методист МЦДО" } });
    // A municipal coordinator does not plan the school's findings.
    expect(await codeOf(updateFindingPlan({ scope: w.moA1.scope, input: { findingId: school[0]!.id, responsible: "Кто-то" } }))).toBe(
      "FORBIDDEN",
    );

    const planned = await getFinding({ scope: w.auditor.scope, id });
    expect(planned).toMatchObject({ deadline: "2099-03-31", responsible: "Сидоров И. И., методист МЦДО", remediationStatus: "OPEN" });
    expect(planned.events.map((e) => [e.action, e.comment])).toEqual([
      ["PLAN", expect.stringContaining("→ 31.03.2099")],
      ["PLAN", "Ответственный: Петрова А. С. → Сидоров И. И., методист МЦДО"],
    ]);
    expect(planned.events[0]!.comment).toContain("ответственный: не назначен → Петрова А. С.");
    const row = (await listFindings({ scope: w.moA1.scope, query: { q: "2.3", pageSize: 100 } })).rows.find((r) => r.id === id);
    expect(row).toMatchObject({ deadline: "2099-03-31", responsible: "Сидоров И. И., методист МЦДО" });
  });
});

describe("the list", () => {
  it("filters by remediation status, severity, overdue and campaign on the server", async () => {
    const query = (extra: Record<string, unknown>, today?: string) =>
      listFindings({ scope: w.auditor.scope, query: { pageSize: 100, ...extra }, today });
    const verified = await query({ remediationStatus: "VERIFIED" });
    expect(verified.rows.map((r) => r.itemNumber).sort()).toEqual(["1.2.1", ...(await verifiedBy2_3_1())].sort());
    const fixed = await query({ remediationStatus: "FIXED" });
    expect(fixed.rows.map((r) => r.itemNumber).sort()).toEqual(["2.1", "2.2"]);
    expect(fixed.rows.every((r) => r.remediationStatus === "FIXED")).toBe(true);
    const high = await query({ severity: "HIGH" });
    expect(high.rows.map((r) => r.itemNumber)).toEqual(["1.2.1"]);

    // Nothing is overdue yet; once the deadlines pass, the unresolved ones are (from the URL too: overdue=1).
    expect((await query({ overdue: "1" })).total).toBe(0);
    const later = await query({ overdue: "1" }, "2098-01-01");
    const unresolved = municipal.length + school.length - verified.total - fixed.total;
    expect(later.total).toBe(unresolved - 1); // 2.3's deadline is in 2099
    expect(later.rows.every((r) => r.overdue && (r.remediationStatus === "OPEN" || r.remediationStatus === "REOPENED"))).toBe(true);
    expect(later.rows.find((r) => r.itemNumber === "2.3" && r.participant === "Муниципалитет A1")).toBeUndefined();

    expect((await query({ campaignId: w.campaign.id })).total).toBe(municipal.length + school.length);
    expect((await query({ campaignId: "00000000-0000-4000-8000-000000000000" })).total).toBe(0);
    expect((await query({ municipalityId: w.t.a2.id })).total).toBe(0);
    const ofBlank = await query({ blankId: municipal[0]!.blankId });
    expect(ofBlank.rows.map((r) => r.id).sort()).toEqual(municipal.map((r) => r.id).sort());
    const page = await listFindings({ scope: w.auditor.scope, query: { pageSize: 5, page: 2, sort: "severity", dir: "asc" } });
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBe(municipal.length + school.length);
  });
});

/** 2.3.1 ended verified or reopened, whichever of the two simultaneous calls landed. */
async function verifiedBy2_3_1(): Promise<string[]> {
  return (await statusOf(finding(municipal, "2.3.1").id)) === "VERIFIED" ? ["2.3.1"] : [];
}
