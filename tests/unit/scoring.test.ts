import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreBlank, GRADES } from "@/lib/domain/scoring/score-blank";
import { itemStatus, twelveMonthsBefore, type ScoredAnswer } from "@/lib/domain/scoring/item-status";
import { typicalErrors } from "@/lib/domain/scoring/typical-errors";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { answerableItems, type TTemplateContent } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";

const school = SCHOOL_BLANK.content;
const municipal = MUNICIPAL_BLANK.content;
const keyOf = (content: TTemplateContent, number: string, nth = 0) => answerableItems(content).filter((i) => i.number === number)[nth]!.key;
const itemOf = (content: TTemplateContent, number: string, nth = 0) => answerableItems(content).filter((i) => i.number === number)[nth]!;

const doc = (patch: Partial<Extract<TBlankAnswer, { kind: "DOCUMENT" }>> = {}): TBlankAnswer => ({
  kind: "DOCUMENT",
  present: true,
  docType: "Приказ",
  issuer: "УО",
  date: "2022-09-01",
  number: "12",
  title: "",
  fileId: null,
  ...patch,
});
const compliantValue = (kind: string): TBlankAnswer =>
  kind === "DOCUMENT"
    ? doc()
    : kind === "COUNT"
      ? { kind: "COUNT", count: 4 }
      : kind === "PRESENCE"
        ? { kind: "PRESENCE", present: true }
        : { kind: "TEXT", text: "есть" };

function allCompliant(content: TTemplateContent): Record<string, ScoredAnswer> {
  return Object.fromEntries(answerableItems(content).map((i) => [i.key, { value: compliantValue(i.kind), mark: "MATCHES" as const }]));
}
const CAMPAIGN = { campaignDate: "2022-12-06" };

describe("item status", () => {
  const order = itemOf(municipal, "1.1.1");
  const database = itemOf(municipal, "2.2");
  const count = itemOf(municipal, "2.1");
  const files = itemOf(municipal, "2.3.1");
  const status = (item: typeof order, value: TBlankAnswer | null, mark: ScoredAnswer["mark"] = null, officialCount?: number) =>
    itemStatus(item, { value, mark }, { ...CAMPAIGN, officialCount });

  it("follows the rules of the audit", () => {
    expect(status(order, doc())).toBe("COMPLIANT");
    expect(status(order, doc({ present: false }))).toBe("ABSENT");
    expect(status(files, { kind: "PRESENCE", present: false })).toBe("ABSENT");
    expect(status(count, { kind: "COUNT", count: null })).toBe("ABSENT");
    expect(status(order, doc({ number: "" }))).toBe("INCOMPLETE_REQUISITES");
    expect(status(order, doc({ date: null }))).toBe("INCOMPLETE_REQUISITES");
    expect(status(order, doc(), "MISMATCH")).toBe("MISMATCH");
    expect(status(count, { kind: "COUNT", count: 3 }, "MATCHES", 2)).toBe("MISMATCH");
    expect(status(count, { kind: "COUNT", count: 2 }, "MATCHES", 2)).toBe("COMPLIANT");
    expect(status(order, doc(), "PARTIAL")).toBe("PARTIAL");
    expect(status(order, doc({ present: false }), "NOT_APPLICABLE")).toBe("NOT_APPLICABLE");
    expect(status(order, null)).toBe("NOT_ANSWERED");
    expect(status(files, { kind: "PRESENCE", present: null })).toBe("NOT_ANSWERED");
  });

  it("wants an annual-update document dated within 12 months of the campaign date", () => {
    expect(twelveMonthsBefore("2022-12-06")).toBe("2021-12-06");
    expect(twelveMonthsBefore("2024-02-29")).toBe("2023-02-28");
    expect(status(database, doc({ date: "2021-12-06" }))).toBe("COMPLIANT");
    expect(status(database, doc({ date: "2021-12-05" }))).toBe("OUTDATED");
    expect(status(order, doc({ date: "2015-01-01" }))).toBe("COMPLIANT");
  });
});

describe("blank score", () => {
  it("is the weighted compliant share, partial counting half, not-applicable leaving both sides", () => {
    const answers = allCompliant(school);
    answers[keyOf(school, "1.1")] = { value: doc({ present: false }), mark: "MATCHES" };
    answers[keyOf(school, "5.2")] = { value: { kind: "PRESENCE", present: true }, mark: "PARTIAL" };
    answers[keyOf(school, "4.3")] = { value: { kind: "PRESENCE", present: false }, mark: "NOT_APPLICABLE" };
    const result = scoreBlank(school, answers, CAMPAIGN);
    // 12 answerable items, 1 not applicable: (9 + 0.5) / 11
    expect(result.score).toBe(86.4);
    expect(result.grade).toBe(GRADES.PARTIAL);
    expect(result.sections.map((s) => [s.number, s.score])).toEqual([
      ["1.", 50],
      ["2", 100],
      ["3", 100],
      ["4", 100],
      ["5", 75],
    ]);
  });

  it("keeps unanswered items in the denominator", () => {
    const answers = allCompliant(school);
    delete answers[keyOf(school, "6")];
    const result = scoreBlank(school, answers, CAMPAIGN);
    expect(result.score).toBe(91.7);
    expect(result.findings.map((f) => [f.itemNumber, f.status, f.severity])).toEqual([["6", "NOT_ANSWERED", "LOW"]]);
  });

  it("weighs items by their weight", () => {
    const content = structuredClone(school);
    content.items[0]!.children[0]!.weight = 10;
    const answers = allCompliant(content);
    answers[keyOf(content, "1.1")] = { value: doc({ present: false }), mark: "MATCHES" };
    expect(scoreBlank(content, answers, CAMPAIGN).score).toBe(52.4);
  });

  it("grades by bands, configurable per template, and fails any critical item whatever the score", () => {
    const answers = allCompliant(municipal);
    answers[keyOf(municipal, "1.2.2")] = { value: doc({ number: "" }), mark: "MATCHES" };
    // 9 answerable items, 8 compliant.
    expect(scoreBlank(municipal, answers, CAMPAIGN)).toMatchObject({ score: 88.9, grade: GRADES.PARTIAL });
    const lenient = { ...structuredClone(municipal), gradeBands: { compliant: 85, partial: 60 } };
    expect(scoreBlank(lenient, answers, CAMPAIGN).grade).toBe(GRADES.COMPLIANT);
    const strict = { ...structuredClone(municipal), gradeBands: { compliant: 95, partial: 91 } };
    expect(scoreBlank(strict, answers, CAMPAIGN).grade).toBe(GRADES.NON_COMPLIANT);
    const critical = structuredClone(lenient);
    critical.items[0]!.children[1]!.children[1]!.critical = true;
    expect(scoreBlank(critical, answers, CAMPAIGN)).toMatchObject({ score: 88.9, grade: GRADES.NON_COMPLIANT });
  });

  it("turns each non-compliant item into a finding with its legal basis and a recommendation", () => {
    const answers = allCompliant(municipal);
    answers[keyOf(municipal, "1.1.1", 1)] = { value: doc({ present: false }), mark: "MATCHES" };
    answers[keyOf(municipal, "2.2")] = { value: doc({ date: "2020-01-10" }), mark: "MATCHES" };
    const result = scoreBlank(municipal, answers, { ...CAMPAIGN, recommendations: { OUTDATED: "Обновить базу данных кандидатов." } });
    expect(result.findings).toEqual([
      {
        itemKey: keyOf(municipal, "1.1.1", 1),
        itemNumber: "1.1.1",
        itemTitle: "- о назначении муниципального координатора",
        status: "ABSENT",
        severity: "HIGH",
        legalBasis: "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7",
        recommendation:
          "Разработать и утвердить документ (обеспечить наличие сведений), предусмотренный пунктом бланка, и представить его реквизиты.",
        critical: false,
      },
      expect.objectContaining({
        itemNumber: "2.2",
        status: "OUTDATED",
        severity: "MEDIUM",
        legalBasis: "",
        recommendation: "Обновить базу данных кандидатов.",
      }),
    ]);
  });

  it("is not rated when nothing applies", () => {
    const answers = Object.fromEntries(answerableItems(school).map((i) => [i.key, { value: null, mark: "NOT_APPLICABLE" as const }]));
    expect(scoreBlank(school, answers, CAMPAIGN)).toMatchObject({ score: null, grade: GRADES.NOT_RATED, findings: [] });
  });
});

const anyAnswer = (kind: string) =>
  fc.record({
    value: fc.oneof(
      fc.constant(null),
      fc.constant(compliantValue(kind)),
      kind === "DOCUMENT"
        ? fc.constantFrom(doc({ present: false }), doc({ number: "" }), doc({ date: "2019-01-01" }))
        : kind === "COUNT"
          ? fc.integer({ min: 0, max: 20 }).map((count) => ({ kind: "COUNT" as const, count }))
          : fc.constant({ kind: "PRESENCE" as const, present: false }),
    ),
    mark: fc.constantFrom(null, "MATCHES", "MISMATCH", "PARTIAL", "NOT_APPLICABLE"),
  }) as fc.Arbitrary<ScoredAnswer>;

const answersFor = (content: TTemplateContent) =>
  fc.record(
    Object.fromEntries(answerableItems(content).map((i) => [i.key, anyAnswer(i.kind)])) as Record<string, fc.Arbitrary<ScoredAnswer>>,
  );

describe("score properties", () => {
  for (const [name, content] of [
    ["school", school],
    ["municipal", municipal],
  ] as const) {
    it(`stays within 0–100 (${name} blank)`, () => {
      fc.assert(
        fc.property(answersFor(content), (answers) => {
          const { score } = scoreBlank(content, answers, CAMPAIGN);
          expect(score === null || (score >= 0 && score <= 100)).toBe(true);
        }),
      );
    });

    it(`does not fall when an item turns compliant (${name} blank)`, () => {
      const keys = answerableItems(content);
      fc.assert(
        fc.property(answersFor(content), fc.nat({ max: keys.length - 1 }), (answers, index) => {
          const item = keys[index]!;
          const before = scoreBlank(content, answers, CAMPAIGN);
          const after = scoreBlank(content, { ...answers, [item.key]: { value: compliantValue(item.kind), mark: "MATCHES" } }, CAMPAIGN);
          if (before.score !== null && after.score !== null) expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.findings.some((f) => f.itemKey === item.key)).toBe(false);
        }),
      );
    });
  }
});

describe("typical errors", () => {
  const f = (itemKey: string, itemNumber: string) => ({ itemKey, itemNumber, itemTitle: `Пункт ${itemNumber}`, status: "ABSENT" as const });
  it("count each item over the submitted blanks only, by share then number", () => {
    const result = typicalErrors([
      { submitted: true, findings: [f("a", "1.2.1"), f("b", "1.2.2"), f("c", "2.3.1")] },
      { submitted: true, findings: [f("a", "1.2.1"), f("c", "2.3.1")] },
      { submitted: true, findings: [f("b", "1.2.2")] },
      { submitted: true, findings: [] },
      { submitted: false, findings: [f("a", "1.2.1"), f("d", "1.1.1")] },
    ]);
    expect(result.submitted).toBe(4);
    expect(result.errors.map((e) => [e.itemNumber, e.count, e.share])).toEqual([
      ["1.2.1", 2, 50],
      ["1.2.2", 2, 50],
      ["2.3.1", 2, 50],
    ]);
  });

  it("sorts printed numbers as numbers", () => {
    const result = typicalErrors([{ submitted: true, findings: [f("x", "1.10"), f("y", "1.2"), f("z", "1.1.1")] }]);
    expect(result.errors.map((e) => e.itemNumber)).toEqual(["1.1.1", "1.2", "1.10"]);
  });
});
