import { beforeAll, describe, expect, it } from "vitest";
import { FINDING_COLUMNS } from "@/lib/domain/exports/lists/findings";
import type { Scope } from "@/lib/scope";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { getFinding } from "@/lib/server/findings/get-finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { listFindingsToFix } from "@/lib/server/findings/list-findings-to-fix";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useTestDatabase } from "../support/test-database";
import { createCampaign, listFindings, markAnswer, markFindingFixed, saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();

const REMARK = "База данных кандидатов не обновлялась с 2021 года";
const BASIS_1_1 = "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7";

let w: CampaignWorld;
let campaign2023: { id: string };

/** Fills, submits, marks (one item with a remark) and accepts a blank: its failing items become findings. */
async function accept(
  blankId: string,
  participant: Scope,
  answers: Array<{ itemKey: string; value: unknown }>,
  remark?: { itemKey: string },
) {
  let blank = await db().blank.findUniqueOrThrow({ where: { id: blankId } });
  if (answers.length) await saveBlankAnswers({ scope: participant, input: { blankId, version: blank.version, answers } });
  blank = await db().blank.findUniqueOrThrow({ where: { id: blankId } });
  await submitBlank({ scope: participant, input: { blankId, version: blank.version } });
  await markAllMatching({ scope: w.auditor.scope, blankId });
  if (remark) await markAnswer({ scope: w.auditor.scope, input: { blankId, itemKey: remark.itemKey, mark: "MISMATCH", comment: REMARK } });
  await acceptBlank({ scope: w.auditor.scope, blankId });
}

const rowsOf = async (scope: Scope, query: Record<string, unknown> = {}) =>
  (await listFindings({ scope, query: { pageSize: 100, sort: "item", ...query } })).rows;
const rowOf = (rows: FindingRow[], campaign: string, participant: string, number: string, nth = 0) =>
  rows.filter((r) => r.campaignName === campaign && r.participant === participant && r.itemNumber === number)[nth]!;

beforeAll(async () => {
  w = await buildCampaignWorld("ffu");
  campaign2023 = await createCampaign({
    scope: w.auditor.scope,
    input: {
      name: "Методический аудит МЦДО 2023",
      goal: "изучение процесса организации образовательной деятельности",
      tasks: ["выявление имеющихся проблем"],
      date: "2023-12-06",
      deadline: "2023-11-25",
      templateVersionIds: [w.municipal.version.id],
      municipalityIds: [w.t.a1.id],
      schoolIds: [],
    },
  });
  const database = w.item("municipal", "2.2");
  await accept(
    (await w.blankOf(w.t.a1.id)).id,
    w.moA1.scope,
    [
      {
        itemKey: database.key,
        value: {
          kind: "DOCUMENT",
          present: true,
          docType: "База данных",
          issuer: "",
          date: "2022-09-01",
          number: "",
          title: "База данных кандидатов",
          fileId: null,
        },
      },
    ],
    { itemKey: database.key },
  );
  await accept((await w.blankOf(w.t.a1s1.id)).id, w.schoolA1.scope, []);
  const blank2023 = await db().blank.findFirstOrThrow({ where: { campaignId: campaign2023.id, subjectId: w.t.a1.id } });
  await accept(blank2023.id, w.moA1.scope, []);
});

describe("the findings list a coordinator follows", () => {
  it("names each finding's campaign and blank, and filters by campaign", async () => {
    const all = await rowsOf(w.auditor.scope);
    expect(new Set(all.map((r) => r.campaignName))).toEqual(new Set(["Методический аудит МЦДО 2022", "Методический аудит МЦДО 2023"]));
    const of2022 = await rowsOf(w.auditor.scope, { campaignId: w.campaign.id });
    const of2023 = await rowsOf(w.auditor.scope, { campaignId: campaign2023.id });
    expect(of2022.length + of2023.length).toBe(all.length);
    expect(of2022.every((r) => r.campaignId === w.campaign.id && r.campaignName === "Методический аудит МЦДО 2022")).toBe(true);
    expect(of2023.every((r) => r.campaignName === "Методический аудит МЦДО 2023" && r.participant === "Муниципалитет A1")).toBe(true);
    const school = rowOf(of2022, "Методический аудит МЦДО 2022", "Школа A1-1 (Муниципалитет A1)", "1.1");
    expect(school.templateName).toBe(SCHOOL_BLANK.name);
    expect(FINDING_COLUMNS.blank.value(rowOf(of2023, "Методический аудит МЦДО 2023", "Муниципалитет A1", "1.2.1"))).toBe(
      MUNICIPAL_BLANK.name,
    );
    expect(FINDING_COLUMNS.campaign.value(school)).toBe("Методический аудит МЦДО 2022");
  });

  it("shows the auditor's remark and the legal basis, the section's when the item has none of its own", async () => {
    const rows = await rowsOf(w.auditor.scope, { campaignId: w.campaign.id });
    const remarked = rowOf(rows, "Методический аудит МЦДО 2022", "Муниципалитет A1", "2.2");
    expect(remarked).toMatchObject({ statusLabel: "не соответствует официальным данным", remark: REMARK });
    // Seed 000 cites no order for section 2 of the municipal blank: said so, not a bare dash.
    expect(FINDING_COLUMNS.legalBasis.value(remarked)).toBe("в бланке не указано");
    expect(FINDING_COLUMNS.remark.value(remarked)).toBe(REMARK);
    const absent = rowOf(rows, "Методический аудит МЦДО 2022", "Муниципалитет A1", "1.1.1", 0);
    expect(absent).toMatchObject({ statusLabel: "не заполнено", remark: null, legalBasis: BASIS_1_1 });
    const school = rowOf(rows, "Методический аудит МЦДО 2022", "Школа A1-1 (Муниципалитет A1)", "1.1");
    expect(school.legalBasis).toBe("Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6");

    const page = await getFinding({ scope: w.moA1.scope, id: remarked.id });
    expect(page).toMatchObject({ remark: REMARK, legalBasis: "" });
    expect((await getFinding({ scope: w.moA1.scope, id: absent.id })).legalBasis).toBe(BASIS_1_1);
  });

  it("keeps to the caller's scope, remarks included", async () => {
    const byMunicipality = await rowsOf(w.moA1.scope);
    expect(byMunicipality.length).toBe((await rowsOf(w.auditor.scope)).length);
    expect(byMunicipality.find((r) => r.remark === REMARK)).toBeDefined();
    const bySchool = await rowsOf(w.schoolA1.scope);
    expect(bySchool.length).toBeGreaterThan(0);
    expect(bySchool.every((r) => r.participant === "Школа A1-1 (Муниципалитет A1)" && r.remark === null)).toBe(true);
    expect(await rowsOf(w.moA2.scope)).toEqual([]);
    expect(await rowsOf(w.adminB.scope)).toEqual([]);
    expect(await rowsOf(w.adminB.scope, { campaignId: w.campaign.id })).toEqual([]);
  });
});

describe("the home card «Замечания к устранению»", () => {
  it("lists the caller's unresolved findings, overdue first with their deadlines, and leaves out those fixed", async () => {
    const rows = await rowsOf(w.moA1.scope, { campaignId: w.campaign.id });
    const late = rowOf(rows, "Методический аудит МЦДО 2022", "Муниципалитет A1", "2.2");
    const fixed = rowOf(rows, "Методический аудит МЦДО 2022", "Муниципалитет A1", "1.2.1");
    // The 2022 finding's deadline passed long ago; another is fixed and waits for the auditor.
    await db().finding.update({ where: { id: late.id }, data: { deadline: new Date("2023-01-10") } });
    await markFindingFixed({ scope: w.moA1.scope, input: { findingId: fixed.id, comment: "План работы утверждён." } });

    const card = await listFindingsToFix({ scope: w.moA1.scope, today: "2025-01-01", pageSize: 100 });
    expect(card.rows[0]).toMatchObject({ id: late.id, deadline: "2023-01-10", overdue: true });
    expect(card.rows.slice(1).every((r) => !r.overdue)).toBe(true);
    expect(card.rows.map((r) => r.id)).not.toContain(fixed.id);
    expect(card.rows.every((r) => r.remediationStatus === "OPEN" || r.remediationStatus === "REOPENED")).toBe(true);
    const deadlines = card.rows.map((r) => r.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(card.total).toBe((await rowsOf(w.moA1.scope)).length - 1);

    // The same list the card links to: /findings?unresolved=1&sort=deadline&dir=asc.
    const linked = await listFindings({ scope: w.moA1.scope, query: { unresolved: "1", sort: "deadline", dir: "asc", pageSize: 100 } });
    expect(linked.rows.map((r) => r.id)).toEqual(card.rows.map((r) => r.id));

    const school = await listFindingsToFix({ scope: w.schoolA1.scope, today: "2025-01-01" });
    expect(school.rows.length).toBeGreaterThan(0);
    expect(school.rows.every((r) => r.participant === "Школа A1-1 (Муниципалитет A1)")).toBe(true);
    expect((await listFindingsToFix({ scope: w.moA2.scope })).total).toBe(0);
  });

  it("takes a region's first findings by deadline off an index, not by sorting all of them (a region has thousands)", async () => {
    // The card's read on a region home (listFindings: the region's unresolved findings by deadline, item, id);
    // with sorting priced out, the plan sorts only when no index gives that order.
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      const rows = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
        `EXPLAIN SELECT id FROM "Finding" WHERE "regionId" = $1::uuid AND "remediationStatus" IN ('OPEN', 'REOPENED')
         ORDER BY deadline ASC, "itemNumber" ASC, id ASC LIMIT 5`,
        w.t.regionA.id,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).not.toMatch(/\bSort\b/);
    expect(plan).toContain("Finding_regionId_deadline_itemNumber_id_idx");
  });
});
