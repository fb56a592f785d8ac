import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { campaignDashboard, type CampaignDashboardRows, type DashboardVersion } from "@/lib/domain/dashboard/campaign-dashboard";
import { diffFindings, pickCampaigns } from "@/lib/domain/dashboard/dynamics";
import { formatChange, formatPercent } from "@/lib/domain/dashboard/format";
import { averageScore, byScoreDescending, scoreChange } from "@/lib/domain/dashboard/scores";
import {
  municipalityDynamics,
  type DynamicsBlank,
  type DynamicsCampaign,
  type DynamicsRows,
} from "@/lib/domain/dashboard/municipality-dynamics";
import { displayItemTitle, percentOf, typicalErrorRows, type ItemInfo } from "@/lib/domain/dashboard/typical-error-rows";
import type { TemplateLevel, TTemplateContent, TTemplateItem } from "@/lib/schemas/template";
import { newItem } from "@/lib/domain/templates/edit-tree";

const items = (...list: [string, string, string][]) =>
  new Map<string, ItemInfo>(list.map(([key, number, title], order) => [key, { key, number, title, order }]));

describe("typical error rows", () => {
  const catalogue = items(
    ["a", "1.1.1", "-об организации работы БШ"],
    ["b", "1.1.1", "- о назначении муниципального координатора"],
    ["c", "1.2.1", "План работы"],
    ["d", "1.10", "Пункт десять"],
    ["e", "1.2", "- между МЦДО и ГБОУ ИРО КК¹"],
  );
  const tenEach = new Map(["a", "b", "c", "d", "e"].map((k) => [k, 10]));

  it("orders by share, then by printed number part by part, then by printed order", () => {
    const rows = typicalErrorRows({
      counts: [
        { itemKey: "d", count: 3 },
        { itemKey: "b", count: 3 },
        { itemKey: "c", count: 6 },
        { itemKey: "a", count: 3 },
        { itemKey: "e", count: 3 },
      ],
      items: catalogue,
      denominators: tenEach,
    });
    expect(rows.map((r) => [r.itemNumber, r.share])).toEqual([
      ["1.2.1", 60],
      ["1.1.1", 30],
      ["1.1.1", 30],
      ["1.2", 30],
      ["1.10", 30],
    ]);
    // The two rows numbered 1.1.1 keep the blank's order.
    expect(rows[1]!.itemKey).toBe("a");
    expect(rows[2]!.itemKey).toBe("b");
  });

  it("takes each item's share of the blanks whose template has it, and leaves out what cannot be shown", () => {
    const rows = typicalErrorRows({
      counts: [
        { itemKey: "c", count: 1 },
        { itemKey: "a", count: 2 },
        { itemKey: "gone", count: 5 },
        { itemKey: "b", count: 0 },
      ],
      items: catalogue,
      denominators: new Map([
        ["a", 3],
        ["b", 3],
        ["c", 6],
      ]),
    });
    expect(rows.map((r) => [r.itemKey, r.count, r.of, r.share])).toEqual([
      ["a", 2, 3, 66.7],
      ["c", 1, 6, 16.7],
    ]);
  });

  it("prints titles without the seed's leading dash and footnote mark", () => {
    expect(displayItemTitle("-об организации работы БШ")).toBe("об организации работы БШ");
    expect(displayItemTitle("- между МЦДО и ГБОУ ИРО КК¹")).toBe("между МЦДО и ГБОУ ИРО КК");
    expect(displayItemTitle("План работы")).toBe("План работы");
  });

  it("rounds shares to one decimal and counts nothing as 0", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe("scores", () => {
  it("averages the known scores to one decimal", () => {
    expect(averageScore([77.8, 83.3, null])).toBe(80.6);
    expect(averageScore([null])).toBeNull();
    expect(averageScore([])).toBeNull();
  });

  it("gives the change in points, without floating-point dust", () => {
    expect(scoreChange(77.8, 83.3)).toBe(5.5);
    expect(scoreChange(66.7, 55.6)).toBe(-11.1);
    expect(scoreChange(null, 80)).toBeNull();
  });

  it("sorts by score, highest first, unscored last, ties by name", () => {
    const rows = [
      { name: "Тихорецкий район", score: 77.8 },
      { name: "Белоглинский район", score: null },
      { name: "Павловский район", score: 88.9 },
      { name: "Выселковский район", score: 77.8 },
      { name: "Абинский район", score: null },
    ];
    expect(rows.sort(byScoreDescending((r) => r.score)).map((r) => r.name)).toEqual([
      "Павловский район",
      "Выселковский район",
      "Тихорецкий район",
      "Абинский район",
      "Белоглинский район",
    ]);
  });

  it("prints percents and changes the Russian way", () => {
    expect(formatPercent(66.7)).toBe("66,7 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatPercent(null)).toBe("—");
    expect(formatChange(5.5)).toBe("+5,5");
    expect(formatChange(-11.1)).toBe("−11,1");
    expect(formatChange(0)).toBe("0");
  });
});

describe("choosing the campaigns to compare", () => {
  const campaign = (id: string, date: string, createdAt = `${date}T10:00:00Z`) => ({ id, name: id, date, createdAt: new Date(createdAt) });
  const c2021 = campaign("c2021", "2021-12-01");
  const c2022 = campaign("c2022", "2022-12-06");
  const c2023 = campaign("c2023", "2023-12-05");
  const all = [c2023, c2022, c2021];

  it("takes the latest two by default, earlier first", () => {
    expect(pickCampaigns(all, {})).toMatchObject({ earlier: c2022, later: c2023, reason: null });
  });

  it("takes chosen ones in either order, and fills a single choice with the latest other", () => {
    expect(pickCampaigns(all, { from: c2023.id, to: c2021.id })).toMatchObject({ earlier: c2021, later: c2023 });
    expect(pickCampaigns(all, { from: c2021.id })).toMatchObject({ earlier: c2021, later: c2023 });
    expect(pickCampaigns(all, { to: c2023.id })).toMatchObject({ earlier: c2022, later: c2023 });
  });

  it("orders campaigns of one day by creation", () => {
    const morning = campaign("morning", "2023-12-05", "2023-01-01T08:00:00Z");
    const evening = campaign("evening", "2023-12-05", "2023-01-01T20:00:00Z");
    expect(pickCampaigns([evening, morning], {})).toMatchObject({ earlier: morning, later: evening });
  });

  it("says why there is nothing to compare", () => {
    expect(pickCampaigns([c2022], {})).toMatchObject({ reason: "FEWER_THAN_TWO", earlier: null });
    expect(pickCampaigns([], {})).toMatchObject({ reason: "FEWER_THAN_TWO" });
    expect(pickCampaigns(all, { from: c2022.id, to: c2022.id })).toMatchObject({ reason: "SAME_CAMPAIGN" });
  });

  it("treats a campaign the municipality did not take part in as not found", () => {
    const error = (() => {
      try {
        pickCampaigns(all, { from: "elsewhere" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("findings then and now", () => {
  const f = (subjectId: string, itemKey: string) => ({ subjectId, itemKey });

  it("matches by participant and item: closed, new and kept", () => {
    const earlier = [f("mo", "plan"), f("mo", "files"), f("school-1", "agreement")];
    const later = [f("mo", "files"), f("mo", "report"), f("school-2", "agreement")];
    const diff = diffFindings(earlier, later);
    expect(diff.closed).toEqual([f("mo", "plan"), f("school-1", "agreement")]);
    expect(diff.new).toEqual([f("mo", "report"), f("school-2", "agreement")]);
    expect(diff.kept).toEqual([f("mo", "files")]);
  });
});

/** A template version whose content holds the given answerable items ([key, number, title]). */
function version(
  id: string,
  level: TemplateLevel,
  items: [string, string, string][],
  extra: Partial<DashboardVersion> = {},
): DashboardVersion {
  const item = ([key, number, title]: [string, string, string]): TTemplateItem => ({
    ...newItem({ number, title, kind: "PRESENCE" }),
    key,
  });
  const content: TTemplateContent = {
    title: "БЛАНК",
    subtitle: "",
    subjectCaption: "",
    columns: { number: "№", name: "Наименование", value: "Значение", match: "Соответствие" },
    gradeBands: { compliant: 90, partial: 70 },
    items: items.map(item),
  };
  return { id, version: 1, templateId: `t-${id}`, name: `Шаблон ${id}`, level, content, ...extra };
}

describe("the campaign dashboard from its counts", () => {
  const municipal = version("vm", "MUNICIPAL", [
    ["plan", "1.1", "План работы"],
    ["report", "1.2", "- Отчёт¹"],
  ]);
  const schoolA = version("vs1", "SCHOOL", [
    ["agreement", "1.1", "Соглашение"],
    ["schedule", "1.2", "Расписание"],
  ]);
  const schoolB = version("vs2", "SCHOOL", [
    ["agreement", "1.1", "Соглашение"],
    ["site", "1.3", "Сайт"],
  ]);
  const rows = (patch: Partial<CampaignDashboardRows> = {}): CampaignDashboardRows => ({
    campaign: {
      id: "c",
      name: "Аудит 2026",
      goal: "",
      date: "2026-12-10",
      deadline: "2026-12-01",
      overdue: true,
      notSubmitted: ["Крыловский район"],
    },
    versions: [municipal, schoolA, schoolB],
    blankCounts: [
      { municipalityId: "pav", templateVersionId: "vm", status: "ACCEPTED", count: 1 },
      { municipalityId: "pav", templateVersionId: "vs1", status: "ACCEPTED", count: 2 },
      { municipalityId: "pav", templateVersionId: "vs1", status: "SUBMITTED", count: 1 },
      { municipalityId: "pav", templateVersionId: "vs2", status: "RETURNED", count: 1 },
      { municipalityId: "kry", templateVersionId: "vm", status: "NOT_STARTED", count: 1 },
      { municipalityId: "kry", templateVersionId: "vs2", status: "ACCEPTED", count: 1 },
      { municipalityId: "kry", templateVersionId: "vs2", status: "IN_PROGRESS", count: 1 },
      { municipalityId: "sla", templateVersionId: "vm", status: "SUBMITTED", count: 1 },
    ],
    municipalBlanks: [
      { id: "b-pav", municipalityId: "pav", status: "ACCEPTED", score: 88.9, grade: "соответствует частично" },
      { id: "b-kry", municipalityId: "kry", status: "NOT_STARTED", score: null, grade: null },
      { id: "b-sla", municipalityId: "sla", status: "SUBMITTED", score: 100, grade: "соответствует" },
    ],
    schoolAverages: [
      { municipalityId: "pav", average: 77.77777 },
      { municipalityId: "kry", average: 50 },
    ],
    openFindings: [{ municipalityId: "pav", count: 3 }],
    municipalityNames: [
      { id: "pav", name: "Павловский район" },
      { id: "kry", name: "Крыловский район" },
      { id: "sla", name: "Славянский район" },
    ],
    itemFindings: {
      MUNICIPAL: [{ itemKey: "report", count: 1 }],
      SCHOOL: [
        { itemKey: "agreement", count: 2 },
        { itemKey: "site", count: 1 },
      ],
    },
    ...patch,
  });

  it("counts the blanks by status, with the municipalities that did not submit after the deadline", () => {
    const view = campaignDashboard(rows());
    expect(view.progress).toEqual({
      total: 9,
      notStarted: 1,
      inProgress: 1,
      submitted: 2,
      returned: 1,
      accepted: 4,
      notSubmittedMunicipalities: 1,
    });
    expect(view.notSubmitted).toEqual(["Крыловский район"]);
    expect(view.campaign).toEqual({ id: "c", name: "Аудит 2026", goal: "", date: "2026-12-10", deadline: "2026-12-01", overdue: true });
  });

  it("gives each municipality its own score, its schools counted and averaged, its open findings, best first", () => {
    const view = campaignDashboard(rows());
    expect(view.municipalities).toEqual([
      {
        municipalityId: "sla",
        name: "Славянский район",
        municipalBlankId: "b-sla",
        municipalStatus: "SUBMITTED",
        score: 100,
        grade: "соответствует",
        schools: 0,
        schoolsCounted: 0,
        schoolAverage: null,
        openFindings: 0,
      },
      {
        municipalityId: "pav",
        name: "Павловский район",
        municipalBlankId: "b-pav",
        municipalStatus: "ACCEPTED",
        score: 88.9,
        grade: "соответствует частично",
        schools: 4,
        schoolsCounted: 3,
        schoolAverage: 77.8,
        openFindings: 3,
      },
      {
        municipalityId: "kry",
        name: "Крыловский район",
        municipalBlankId: "b-kry",
        municipalStatus: "NOT_STARTED",
        score: null,
        grade: null,
        schools: 2,
        schoolsCounted: 1,
        schoolAverage: 50,
        openFindings: 0,
      },
    ]);
  });

  it("leaves out municipalities the caller does not see, and averages several municipal blanks without a grade", () => {
    const view = campaignDashboard(
      rows({
        municipalityNames: [{ id: "pav", name: "Павловский район" }],
        municipalBlanks: [
          { id: "b-pav", municipalityId: "pav", status: "ACCEPTED", score: 88.9, grade: "соответствует частично" },
          { id: "b-pav-2", municipalityId: "pav", status: "SUBMITTED", score: 66.7, grade: "не соответствует" },
        ],
      }),
    );
    expect(view.municipalities.map((m) => [m.name, m.municipalBlankId, m.score, m.grade])).toEqual([
      ["Павловский район", "b-pav", 77.8, null],
    ]);
  });

  it("takes each typical error's share of the counted blanks whose template version holds the item", () => {
    const { MUNICIPAL, SCHOOL } = campaignDashboard(rows()).typicalErrors;
    // School blanks: vs1 has 3 counted (agreement, schedule), vs2 has 1 counted (agreement, site) and 2 not counted.
    expect(SCHOOL).toMatchObject({ level: "SCHOOL", present: true, counted: 4, notCounted: 2 });
    expect(SCHOOL.errors.map((e) => [e.itemNumber, e.count, e.of, e.share])).toEqual([
      ["1.3", 1, 1, 100],
      ["1.1", 2, 4, 50],
    ]);
    expect(MUNICIPAL).toMatchObject({ level: "MUNICIPAL", present: true, counted: 2, notCounted: 1 });
    expect(MUNICIPAL.errors).toEqual([{ itemKey: "report", itemNumber: "1.2", itemTitle: "Отчёт", count: 1, of: 2, share: 50 }]);
  });

  it("marks a level the campaign has no template of, and takes the grade bands from the newest municipal version", () => {
    const newer = version("vm2", "MUNICIPAL", [["plan", "1.1", "План работы"]], {
      version: 2,
      templateId: municipal.templateId,
      name: municipal.name,
      content: { ...municipal.content, gradeBands: { compliant: 95, partial: 60 } },
    });
    const view = campaignDashboard(rows({ versions: [municipal, newer], itemFindings: { MUNICIPAL: [], SCHOOL: [] } }));
    expect(view.typicalErrors.SCHOOL).toEqual({ level: "SCHOOL", present: false, counted: 0, notCounted: 0, errors: [] });
    expect(view.gradeBands).toEqual({ compliant: 95, partial: 60 });
    expect(view.templates).toEqual([{ templateId: "t-vm", name: "Шаблон vm", level: "MUNICIPAL" }]);
  });
});

describe("a municipality's dynamics from its blanks", () => {
  const campaign = (id: string, date: string): DynamicsCampaign => ({
    id,
    name: `Аудит ${date}`,
    date,
    createdAt: new Date(`${date}T10:00:00Z`),
  });
  const earlier = campaign("c2022", "2022-12-06");
  const later = campaign("c2023", "2023-12-05");
  const municipality = { id: "mo", name: "Славянский район" };
  const template = { id: "t", name: "Бланк школы", level: "SCHOOL" as const };
  const blank = (patch: Partial<DynamicsBlank> & Pick<DynamicsBlank, "campaignId" | "subjectId">): DynamicsBlank => ({
    status: "ACCEPTED",
    score: null,
    grade: null,
    organization: null,
    findings: [],
    ...patch,
  });
  const finding = (itemKey: string, itemNumber: string, itemTitle = `Пункт ${itemNumber}`, status = "ABSENT") => ({
    itemKey,
    itemNumber,
    itemTitle,
    status,
  });
  const rows = (blanks: DynamicsBlank[]): DynamicsRows => ({
    municipality,
    templates: [template],
    template,
    campaigns: [later, earlier],
    pick: { earlier, later, reason: null },
    blanks,
  });

  it("says why there is nothing to compare", () => {
    expect(municipalityDynamics({ municipality, templates: [], template: null })).toEqual({
      municipality,
      templates: [],
      template: null,
      campaigns: [],
      reason: "NO_TEMPLATE",
      comparison: null,
    });
    const one = municipalityDynamics({
      municipality,
      templates: [template],
      template,
      campaigns: [later],
      pick: { earlier: null, later: null, reason: "FEWER_THAN_TWO" },
      blanks: [],
    });
    expect(one).toMatchObject({ template, campaigns: [later], reason: "FEWER_THAN_TWO", comparison: null });
  });

  it("compares one blank's score and grade then and now", () => {
    const view = municipalityDynamics(
      rows([
        blank({ campaignId: "c2022", subjectId: "mo", score: 77.8, grade: "частично" }),
        blank({ campaignId: "c2023", subjectId: "mo", status: "SUBMITTED", score: 83.3, grade: "частично" }),
      ]),
    );
    expect(view.comparison?.earlier).toEqual({
      campaign: earlier,
      status: "ACCEPTED",
      score: 77.8,
      grade: "частично",
      blanks: 1,
      counted: 1,
    });
    expect(view.comparison?.later).toMatchObject({ status: "SUBMITTED", score: 83.3 });
    expect(view.comparison?.change).toBe(5.5);
    expect(view.comparison?.subjects).toEqual([
      {
        subjectId: "mo",
        name: "Славянский район",
        earlier: { status: "ACCEPTED", score: 77.8 },
        later: { status: "SUBMITTED", score: 83.3 },
        change: 5.5,
      },
    ]);
  });

  it("averages the schools' counted scores, and compares findings only of schools accepted in both campaigns", () => {
    const school = (id: string, name: string) => ({ subjectId: id, organization: { name } });
    const view = municipalityDynamics(
      rows([
        blank({
          campaignId: "c2022",
          ...school("s1", "Школа № 1"),
          score: 60,
          findings: [finding("plan", "1.10"), finding("site", "1.2")],
        }),
        blank({
          campaignId: "c2023",
          ...school("s1", "Школа № 1"),
          score: 80,
          findings: [finding("site", "1.2"), finding("report", "1.3", "- Отчёт¹")],
        }),
        blank({ campaignId: "c2022", ...school("s2", "Школа № 2"), status: "RETURNED", score: 10, findings: [finding("plan", "1.1")] }),
        blank({ campaignId: "c2023", ...school("s2", "Школа № 2"), score: 90, findings: [finding("plan", "1.1")] }),
        blank({ campaignId: "c2023", ...school("s3", "Школа № 3"), status: "NOT_STARTED" }),
      ]),
    );
    const comparison = view.comparison!;
    // A returned blank's score is not counted; nor is a blank not started.
    expect(comparison.earlier).toMatchObject({ status: null, score: 60, grade: null, blanks: 2, counted: 1 });
    expect(comparison.later).toMatchObject({ status: null, score: 85, blanks: 3, counted: 2 });
    expect(comparison.subjects.map((s) => [s.name, s.earlier?.score ?? null, s.later?.score ?? null, s.change])).toEqual([
      ["Школа № 1", 60, 80, 20],
      ["Школа № 2", null, 90, null],
      ["Школа № 3", null, null, null],
    ]);
    expect(comparison.findings.compared).toBe(1);
    expect(comparison.findings.notCompared).toBe(2);
    expect(comparison.findings.closed.map((f) => [f.subject, f.itemNumber])).toEqual([["Школа № 1", "1.10"]]);
    expect(comparison.findings.new).toEqual([
      { subjectId: "s1", subject: "Школа № 1", itemKey: "report", itemNumber: "1.3", itemTitle: "Отчёт", status: "ABSENT" },
    ]);
    expect(comparison.findings.kept.map((f) => f.itemKey)).toEqual(["site"]);
  });
});
