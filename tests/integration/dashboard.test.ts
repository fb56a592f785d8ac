import { beforeAll, describe, expect, it } from "vitest";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import type { TTemplateItem } from "@/lib/schemas/template";
import { FINDING_STATUSES } from "@/lib/domain/scoring/statuses";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { loadScope } from "@/lib/server/auth/load-scope";
import { getCampaignDashboard } from "@/lib/server/dashboard/get-campaign-dashboard";
import { getMunicipalityDynamics } from "@/lib/server/dashboard/get-municipality-dynamics";
import { listDynamicsMunicipalities } from "@/lib/server/dashboard/list-dynamics-municipalities";
import { db } from "@/lib/server/db/client";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import type { Scope } from "@/lib/scope";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { codeOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import { markAnswer, saveBlankAnswers, startCampaignFromPrevious, submitBlank } from "../support/operations";

useTestDatabase();

const scopeOf = async (email: string): Promise<Scope> => {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadScope(user.id))!;
};

/** After the seed campaign's deadline (25.11.2022). */
const TODAY = "2026-11-23";

describe("the dashboard of the seed-000 campaign", () => {
  let campaignId: string;
  let auditor: Scope;
  beforeAll(async () => {
    await seedDemo({ db: db() });
    const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
    campaignId = (await db().campaign.findFirstOrThrow({ where: { regionId: krasnodar.id, name: SEED_CAMPAIGN.name } })).id;
    auditor = await scopeOf("auditor@demo.local");
  });

  it("shows the ten audited municipalities with their scores, and the three that did not submit apart", async () => {
    const view = await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY });
    expect(view.campaign.name).toBe(SEED_CAMPAIGN.name);
    expect(view.campaign.goal).toBe(SEED_CAMPAIGN.goal);
    // 13 municipalities, each with its own blank and its base school's blank.
    expect(view.progress).toEqual({
      total: 26,
      notStarted: 6,
      inProgress: 0,
      submitted: 0,
      returned: 0,
      accepted: 20,
      notSubmittedMunicipalities: 3,
    });
    expect(view.notSubmitted).toEqual(["Белоглинский район", "Крыловский район", "Новопокровский район"]);

    const scored = view.municipalities.filter((m) => m.score !== null);
    expect(scored.map((m) => m.name).sort()).toEqual([...SEED_CAMPAIGN.audited].sort());
    // The non-submitters stay in the table without a score, after every scored row.
    expect(
      view.municipalities
        .slice(10)
        .map((m) => m.name)
        .sort(),
    ).toEqual(SEED_CAMPAIGN.notSubmitted);
    expect(view.municipalities.slice(10).every((m) => m.score === null && m.municipalStatus === "NOT_STARTED")).toBe(true);

    // Municipal blank, 9 items of weight 1 (lib/seed-data/demo-answers.ts):
    // Павловский (index 5) lacks only the report 1.2.2 → 8/9; Славянский (7) lacks the report,
    // has an outdated candidates' database and a count that does not match → 6/9;
    // Гулькевичский (1) has both 1.1.1 orders without a number, no report, the database outdated → 5/9.
    const row = (name: string) => view.municipalities.find((m) => m.name === name)!;
    expect(row("Павловский район")).toMatchObject({ score: 88.9, grade: "частично соответствует" });
    expect(row("Славянский район")).toMatchObject({ score: 66.7, grade: "не соответствует", municipalStatus: "ACCEPTED" });
    expect(row("Гулькевичский район")).toMatchObject({ score: 55.6, grade: "не соответствует" });
    // Славянский's base school (12 items) lacks the agreement 1.2 and has the curricula 5.2 partly → 10.5/12.
    expect(row("Славянский район")).toMatchObject({ schools: 1, schoolsCounted: 1, schoolAverage: 87.5 });
    // Its open findings: 3 of the municipal blank and 2 of the school's.
    expect(row("Славянский район").openFindings).toBe(5);
    // Sorted by score: Павловский first; scores never rise down the table.
    expect(view.municipalities[0]!.name).toBe("Павловский район");
    const scores = scored.map((m) => m.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(view.gradeBands).toEqual({ compliant: 90, partial: 70 });
  });

  it("counts the typical errors of each level over the submitted blanks only", async () => {
    const view = await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY });
    const { MUNICIPAL: municipal, SCHOOL: school } = view.typicalErrors;
    // The three non-submitters are listed apart: ten blanks of each level are the base of the shares.
    expect(municipal).toMatchObject({ counted: 10, notCounted: 3 });
    expect(school).toMatchObject({ counted: 10, notCounted: 3 });

    // The seed's typical errors, counted by hand from demo-answers.ts.
    const summary = (rows: typeof municipal.errors) => rows.map((e) => [e.itemNumber, e.itemTitle, e.count, e.share]);
    expect(summary(municipal.errors)).toEqual([
      ["1.2.1", "План работы", 6, 60],
      ["1.2.2", "Отчет о выполнении", 5, 50],
      ["2.3.1", "Личные дела обучающихся", 4, 40],
      ["1.1.1", "об организации работы БШ", 3, 30],
      ["1.1.1", "о назначении муниципального координатора", 3, 30],
      ["2.2", "База данных кандидатов", 3, 30],
      ["2.3", "Данные об общем количестве детей-инвалидов, в т.ч. выпускников", 2, 20],
    ]);
    expect(summary(school.errors)).toEqual([
      ["1.1", "между БШ и школами по месту жительства", 6, 60],
      ["1.2", "между МЦДО и ГБОУ ИРО КК", 5, 50],
      ["2.1", "о центре дистанционного образования базовой общеобразовательной организации", 4, 40],
      ["3.3", "об организации работы МЦДО", 2, 20],
      ["5.2", "Индивидуальные учебные планы (недельный)", 2, 20],
    ]);

    // The same counts, straight from the stored item statuses of the submitted or accepted blanks.
    for (const [level, errors] of [
      ["MUNICIPAL", municipal.errors],
      ["SCHOOL", school.errors],
    ] as const) {
      const answers = await db().answer.findMany({
        where: {
          blank: { campaignId, status: { in: ["SUBMITTED", "ACCEPTED"] }, templateVersion: { template: { level } } },
        },
        select: { itemKey: true, status: true },
      });
      const blanks = await db().blank.count({
        where: { campaignId, status: { in: ["SUBMITTED", "ACCEPTED"] }, templateVersion: { template: { level } } },
      });
      const failing = new Map<string, number>();
      for (const a of answers) {
        if ((FINDING_STATUSES as readonly (string | null)[]).includes(a.status)) failing.set(a.itemKey, (failing.get(a.itemKey) ?? 0) + 1);
      }
      expect(new Map(errors.map((e) => [e.itemKey, e.count]))).toEqual(failing);
      for (const e of errors) expect(e.share).toBe(Math.round((e.count / blanks) * 1000) / 10);
    }
  });

  it("shows a municipal coordinator their municipality and its school only", async () => {
    const view = await getCampaignDashboard({ scope: await scopeOf("mo.slavyansky@demo.local"), campaignId, today: TODAY });
    expect(view.municipalities.map((m) => m.name)).toEqual(["Славянский район"]);
    expect(view.municipalities[0]).toMatchObject({ score: 66.7, schoolAverage: 87.5, openFindings: 5 });
    expect(view.progress).toMatchObject({ total: 2, accepted: 2, notSubmittedMunicipalities: 0 });
    expect(view.notSubmitted).toEqual([]);
    // Their own blank's errors: 1 of 1 blank each.
    expect(view.typicalErrors.MUNICIPAL.errors.map((e) => [e.itemNumber, e.count, e.share])).toEqual([
      ["1.2.2", 1, 100],
      ["2.2", 1, 100],
      ["2.3", 1, 100],
    ]);
    expect(view.typicalErrors.SCHOOL.errors.map((e) => [e.itemNumber, e.count, e.share])).toEqual([
      ["1.2", 1, 100],
      ["5.2", 1, 100],
    ]);
  });

  it("is not found for another region's admin or a school coordinator", async () => {
    expect(await codeOf(getCampaignDashboard({ scope: await scopeOf("admin42@demo.local"), campaignId }))).toBe("NOT_FOUND");
    expect(await codeOf(getCampaignDashboard({ scope: await scopeOf("school.slavyansky@demo.local"), campaignId }))).toBe("NOT_FOUND");
  });

  it("says there is nothing to compare for a municipality audited once", async () => {
    const coordinator = await scopeOf("mo.slavyansky@demo.local");
    const [own] = await listDynamicsMunicipalities({ scope: coordinator });
    expect(own?.name).toBe("Славянский район");
    const dynamics = await getMunicipalityDynamics({ scope: coordinator, municipalityId: own!.id });
    expect(dynamics.campaigns.map((c) => c.name)).toEqual([SEED_CAMPAIGN.name]);
    expect(dynamics).toMatchObject({ reason: "FEWER_THAN_TWO", comparison: null });
    expect(await codeOf(getMunicipalityDynamics({ scope: await scopeOf("admin42@demo.local"), municipalityId: own!.id }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("a municipality's dynamics across two campaigns", () => {
  let w: CampaignWorld;
  beforeAll(async () => {
    w = await buildCampaignWorld("dy");
  });

  const document = (date: string): TBlankAnswer => ({
    kind: "DOCUMENT",
    present: true,
    docType: "Приказ",
    issuer: "Управления образования",
    date,
    number: "48-од",
    title: "Документ",
    fileId: null,
  });
  const ABSENT_DOCUMENT: TBlankAnswer = {
    kind: "DOCUMENT",
    present: false,
    docType: "",
    issuer: "",
    date: null,
    number: "",
    title: "",
    fileId: null,
  };
  const valueFor = (item: TTemplateItem, date: string): TBlankAnswer =>
    item.kind === "DOCUMENT"
      ? document(date)
      : item.kind === "COUNT"
        ? { kind: "COUNT", count: 3 }
        : item.kind === "PRESENCE"
          ? { kind: "PRESENCE", present: true }
          : { kind: "TEXT", text: "—" };

  /** A1's coordinator answers every item (confirming carried-over answers) and submits. */
  async function fillAndSubmit(campaignId: string, date: string, overrides: Record<string, TBlankAnswer>) {
    const blank = await db().blank.findFirstOrThrow({ where: { campaignId, subjectId: w.t.a1.id } });
    const answers = w.items.municipal.map((item) => ({
      itemKey: item.key,
      value: overrides[item.key] ?? valueFor(item, date),
      confirm: true,
    }));
    const { version } = await saveBlankAnswers({ scope: w.moA1.scope, input: { blankId: blank.id, version: blank.version, answers } });
    await submitBlank({ scope: w.moA1.scope, input: { blankId: blank.id, version } });
    return blank.id;
  }

  const dynamicsOf = (scope: Scope, extra: { templateId?: string; fromCampaignId?: string; toCampaignId?: string } = {}) =>
    getMunicipalityDynamics({ scope, municipalityId: w.t.a1.id, ...extra });

  it("compares scores and findings, once both blanks are accepted", async () => {
    const plan = w.item("municipal", "1.2.1");
    const report = w.item("municipal", "1.2.2");
    const files = w.item("municipal", "2.3.1");

    // One campaign only: nothing to compare yet.
    const alone = await dynamicsOf(w.auditor.scope);
    expect(alone).toMatchObject({ reason: "FEWER_THAN_TWO", comparison: null });
    expect(alone.campaigns.map((c) => c.id)).toEqual([w.campaign.id]);

    // 2022: no work plan, no pupils' personal files → 7 of 9 items → 77.8.
    const first = await fillAndSubmit(w.campaign.id, "2022-08-30", {
      [plan.key]: ABSENT_DOCUMENT,
      [files.key]: { kind: "PRESENCE", present: false },
    });
    await markAllMatching({ scope: w.auditor.scope, blankId: first });
    await acceptBlank({ scope: w.auditor.scope, blankId: first });

    const next = await startCampaignFromPrevious({
      scope: w.auditor.scope,
      input: { previousCampaignId: w.campaign.id, name: "Методический аудит МЦДО 2023", date: "2023-12-05", deadline: "2023-11-25" },
    });
    // 2023: the plan is there now (closed); the files are still missing (kept); the auditor
    // finds the report only partly matching (new) → 7 + ½ of 9 → 83.3.
    const second = await fillAndSubmit(next.id, "2023-09-01", { [files.key]: { kind: "PRESENCE", present: false } });
    await markAnswer({
      scope: w.auditor.scope,
      input: { blankId: second, itemKey: report.key, mark: "PARTIAL", comment: "Отчет не охватывает II полугодие" },
    });
    await markAllMatching({ scope: w.auditor.scope, blankId: second });

    // Submitted, not yet accepted: the score shows, the findings are not compared yet.
    const pending = await dynamicsOf(w.auditor.scope);
    expect(pending.comparison).toMatchObject({
      earlier: { status: "ACCEPTED", score: 77.8 },
      later: { status: "SUBMITTED", score: 83.3 },
      findings: { compared: 0, notCompared: 1, closed: [], new: [] },
    });

    await acceptBlank({ scope: w.auditor.scope, blankId: second });
    const dynamics = await dynamicsOf(w.auditor.scope);
    expect(dynamics.reason).toBeNull();
    expect(dynamics.template).toMatchObject({ id: w.municipal.template.id, level: "MUNICIPAL" });
    expect(dynamics.campaigns.map((c) => c.id)).toEqual([next.id, w.campaign.id]);
    const comparison = dynamics.comparison!;
    expect(comparison.earlier).toMatchObject({ campaign: { id: w.campaign.id }, score: 77.8, grade: "частично соответствует" });
    expect(comparison.later).toMatchObject({ campaign: { id: next.id }, score: 83.3, grade: "частично соответствует" });
    expect(comparison.change).toBe(5.5);
    const brief = (list: typeof comparison.findings.closed) => list.map((f) => [f.itemNumber, f.itemTitle, f.status]);
    expect(brief(comparison.findings.closed)).toEqual([["1.2.1", "План работы", "ABSENT"]]);
    expect(brief(comparison.findings.new)).toEqual([["1.2.2", "Отчет о выполнении", "PARTIAL"]]);
    expect(brief(comparison.findings.kept)).toEqual([["2.3.1", "Личные дела обучающихся", "ABSENT"]]);
    expect(comparison.findings).toMatchObject({ compared: 1, notCompared: 0 });

    // The municipality's own coordinator sees the same; the campaigns chosen in either order give it too.
    const own = await dynamicsOf(w.moA1.scope, { fromCampaignId: next.id, toCampaignId: w.campaign.id });
    expect(own.comparison).toMatchObject({ earlier: { score: 77.8 }, later: { score: 83.3 }, change: 5.5 });
    expect(brief(own.comparison!.findings.closed)).toEqual([["1.2.1", "План работы", "ABSENT"]]);
    expect(brief(own.comparison!.findings.new)).toEqual([["1.2.2", "Отчет о выполнении", "PARTIAL"]]);
  });

  it("offers the municipality's templates, and says when one campaign is chosen twice", async () => {
    const dynamics = await dynamicsOf(w.moA1.scope);
    expect(dynamics.templates.map((t) => t.level)).toEqual(["MUNICIPAL", "SCHOOL"]);
    const same = await dynamicsOf(w.auditor.scope, { fromCampaignId: w.campaign.id, toCampaignId: w.campaign.id });
    expect(same).toMatchObject({ reason: "SAME_CAMPAIGN", comparison: null });
    // The school's blanks were never submitted: no scores, nothing compared.
    const schools = await dynamicsOf(w.auditor.scope, { templateId: w.school.template.id });
    expect(schools.comparison).toMatchObject({
      earlier: { score: null, blanks: 1, counted: 0 },
      later: { score: null, blanks: 1, counted: 0 },
      change: null,
      findings: { compared: 0, notCompared: 1 },
    });
    expect(schools.comparison!.subjects.map((s) => s.name)).toEqual(["Школа A1-1"]);
  });

  it("is not found for another municipality's coordinator, a school coordinator, another region, or a foreign campaign", async () => {
    expect(await codeOf(dynamicsOf(w.moA2.scope))).toBe("NOT_FOUND");
    expect(await codeOf(dynamicsOf(w.schoolA1.scope))).toBe("NOT_FOUND");
    expect(await codeOf(dynamicsOf(w.adminB.scope))).toBe("NOT_FOUND");
    const foreign = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(dynamicsOf(w.auditor.scope, { fromCampaignId: foreign }))).toBe("NOT_FOUND");
    expect(await codeOf(dynamicsOf(w.auditor.scope, { templateId: foreign }))).toBe("NOT_FOUND");
    expect((await listDynamicsMunicipalities({ scope: w.moA1.scope })).map((m) => m.name)).toEqual(["Муниципалитет A1"]);
    expect((await listDynamicsMunicipalities({ scope: w.adminB.scope })).map((m) => m.name)).toEqual([]);
  });
});
