import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES, scoreBlank, type BlankScore, type Grade } from "@/lib/domain/scoring/score-blank";
import type { ScoredAnswer } from "@/lib/domain/scoring/item-status";
import { isFinding, SEVERITY_OF } from "@/lib/domain/scoring/statuses";
import { AUDIT_MARKS, ZBlankAnswer, type TBlankAnswer } from "@/lib/schemas/blank";
import { answerableItems, ITEM_KINDS, ZTemplateContent, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { SEED } from "./property-config";

/**
 * The scoring rules over random templates and answers, each generated valid
 * (and checked against the schemas the product parses them with): the score's
 * range and precision, monotonicity, "not applicable", and critical items.
 */

type Unkeyed = Omit<TTemplateItem, "key" | "children"> & { children: Unkeyed[] };

const { item } = fc.letrec<{ item: Unkeyed }>((tie) => ({
  item: fc.record({
    number: fc.constantFrom("1", "1.1", "1.1.1", "2", ""),
    title: fc.constantFrom("Приказ о назначении", "Численность", "Наличие сайта", "Раздел"),
    kind: fc.constantFrom(...ITEM_KINDS),
    legalBasis: fc.constant([]),
    footnotes: fc.constant([]),
    annualUpdate: fc.boolean(),
    // Weights as people set them: whole, halves, odd decimals, and zero.
    weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 0.5, 1.5, 0.1, 33.3)),
    critical: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 4, arbitrary: fc.constant(false) }),
    columns: fc.constant(null),
    children: fc.oneof(
      { maxDepth: 3, depthIdentifier: "items" },
      fc.constant<Unkeyed[]>([]),
      fc.array(tie("item"), { minLength: 1, maxLength: 4 }),
    ),
  }),
}));

function withKeys(items: Unkeyed[], next = { n: 0 }): TTemplateItem[] {
  return items.map((it) => ({
    ...it,
    key: `00000000-0000-4000-8000-${(next.n++).toString(16).padStart(12, "0")}`,
    children: withKeys(it.children, next),
  }));
}

const template: fc.Arbitrary<TTemplateContent> = fc
  .record({
    items: fc.array(item, { minLength: 1, maxLength: 5 }),
    bands: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  })
  .map(({ items, bands }) =>
    ZTemplateContent.parse({
      title: "БЛАНК СООТВЕТСТВИЯ",
      columns: { number: "№", name: "Наименование", value: "Реквизиты", match: "Соответствие" },
      gradeBands: { compliant: Math.max(...bands), partial: Math.min(...bands) },
      items: withKeys(items),
    }),
  )
  .filter((content) => answerableItems(content).length > 0);

const campaignDate = fc
  .date({ min: new Date("2016-01-01"), max: new Date("2024-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const pastDate = fc
  .date({ min: new Date("1991-01-01"), max: new Date("2024-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function answerFor(kind: TTemplateItem["kind"]): fc.Arbitrary<TBlankAnswer | null> {
  const value: fc.Arbitrary<unknown> =
    kind === "DOCUMENT"
      ? fc.record({
          kind: fc.constant("DOCUMENT"),
          present: fc.boolean(),
          docType: fc.constantFrom("", "Приказ"),
          issuer: fc.constantFrom("", "УО"),
          date: fc.option(pastDate, { nil: null }),
          number: fc.constantFrom("", "12", "52-П"),
          title: fc.constantFrom("", '=HYPERLINK("x")'),
        })
      : kind === "COUNT"
        ? fc.record({ kind: fc.constant("COUNT"), count: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }) })
        : kind === "PRESENCE"
          ? fc.record({ kind: fc.constant("PRESENCE"), present: fc.option(fc.boolean(), { nil: null }) })
          : fc.record({ kind: fc.constant("TEXT"), text: fc.constantFrom("", "есть", "  ") });
  return fc.option(
    value.map((v) => ZBlankAnswer.parse(v)),
    { nil: null, freq: 5 },
  );
}

interface Case {
  content: TTemplateContent;
  answers: Record<string, ScoredAnswer>;
  officialCounts: Record<string, number>;
  campaignDate: string;
}

const scoringCase: fc.Arbitrary<Case> = template.chain((content) => {
  const items = answerableItems(content);
  return fc.record({
    content: fc.constant(content),
    answers: fc
      .tuple(
        ...items.map((i) =>
          fc.record({ value: answerFor(i.kind), mark: fc.constantFrom(null, ...AUDIT_MARKS) as fc.Arbitrary<ScoredAnswer["mark"]> }),
        ),
      )
      .map((list) => Object.fromEntries(list.map((answer, n) => [items[n]!.key, answer]))),
    officialCounts: fc
      .tuple(...items.map((i) => (i.kind === "COUNT" ? fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }) : fc.constant(null))))
      .map((list) => Object.fromEntries(list.flatMap((count, n) => (count === null ? [] : [[items[n]!.key, count]])))),
    campaignDate,
  });
});

const score = (c: Case, answers = c.answers, content = c.content) =>
  scoreBlank(content, answers, { campaignDate: c.campaignDate, officialCounts: c.officialCounts });

/** An answer that makes the item compliant: what an auditor accepts as it is. */
function compliant(item: TTemplateItem, c: Case): ScoredAnswer {
  const value: TBlankAnswer =
    item.kind === "DOCUMENT"
      ? { kind: "DOCUMENT", present: true, docType: "Приказ", issuer: "УО", date: c.campaignDate, number: "1", title: "", fileId: null }
      : item.kind === "COUNT"
        ? { kind: "COUNT", count: c.officialCounts[item.key] ?? 3 }
        : item.kind === "PRESENCE"
          ? { kind: "PRESENCE", present: true }
          : { kind: "TEXT", text: "есть" };
  return { value, mark: "MATCHES" };
}

const oneDecimal = (value: number) => Number(value.toFixed(1)) === value;
const RANK: Record<Grade, number> = { [GRADES.NOT_RATED]: -1, [GRADES.NON_COMPLIANT]: 0, [GRADES.PARTIAL]: 1, [GRADES.COMPLIANT]: 2 };

function expectWellFormed(result: BlankScore) {
  for (const value of [result.score, ...result.sections.map((s) => s.score)]) {
    if (value === null) continue;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(oneDecimal(value)).toBe(true);
  }
  for (const finding of result.findings) expect(finding.severity).toBe(SEVERITY_OF[finding.status]);
}

const RUNS = { seed: SEED, numRuns: 200 };

describe("scoring properties", () => {
  it("gives a score in 0–100 with one decimal, for the blank and each section", () => {
    fc.assert(
      fc.property(scoringCase, (c) => expectWellFormed(score(c))),
      RUNS,
    );
  });

  it("never lowers the score, a section's score or the grade when an item turns compliant", () => {
    fc.assert(
      fc.property(scoringCase, fc.nat(), (c, pick) => {
        const items = answerableItems(c.content);
        const target = items[pick % items.length]!;
        const before = score(c);
        const after = score(c, { ...c.answers, [target.key]: compliant(target, c) });
        expectWellFormed(after);
        if (before.score !== null) expect(after.score).not.toBeNull();
        if (before.score !== null && after.score !== null) expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const section of after.sections) {
          const earlier = before.sections.find((s) => s.key === section.key)?.score ?? null;
          if (earlier !== null && section.score !== null) expect(section.score).toBeGreaterThanOrEqual(earlier);
        }
        if (before.grade !== GRADES.NOT_RATED) expect(RANK[after.grade]).toBeGreaterThanOrEqual(RANK[before.grade]);
        expect(after.items.find((i) => i.key === target.key)?.status).toBe("COMPLIANT");
        expect(after.findings.some((f) => f.itemKey === target.key)).toBe(false);
      }),
      RUNS,
    );
  });

  it("leaves a «not applicable» item out of both sides: the same score as with the item weighing nothing", () => {
    fc.assert(
      fc.property(scoringCase, fc.nat(), (c, pick) => {
        const items = answerableItems(c.content);
        const target = items[pick % items.length]!;
        const notApplicable = score(c, {
          ...c.answers,
          [target.key]: { value: c.answers[target.key]?.value ?? null, mark: "NOT_APPLICABLE" },
        });
        const weightless = structuredClone(c.content);
        const find = (list: TTemplateItem[]): TTemplateItem | undefined =>
          list.map((i) => (i.key === target.key ? i : find(i.children))).find(Boolean);
        find(weightless.items)!.weight = 0;
        expect(notApplicable.score).toBe(score(c, c.answers, weightless).score);
        expect(notApplicable.sections.map((s) => s.score)).toEqual(score(c, c.answers, weightless).sections.map((s) => s.score));
        expect(notApplicable.items.find((i) => i.key === target.key)?.status).toBe("NOT_APPLICABLE");
        expect(notApplicable.findings.some((f) => f.itemKey === target.key)).toBe(false);
      }),
      RUNS,
    );
  });

  it("grades «не соответствует» whenever a critical item fails, whatever the score", () => {
    fc.assert(
      fc.property(scoringCase, (c) => {
        const result = score(c);
        const statusOf = new Map(result.items.map((i) => [i.key, i.status]));
        const criticalFailed = answerableItems(c.content).some((i) => i.critical && isFinding(statusOf.get(i.key)!));
        expect(result.findings.some((f) => f.critical)).toBe(criticalFailed);
        if (criticalFailed) expect(result.grade).toBe(GRADES.NON_COMPLIANT);
        if (result.score === null && !criticalFailed) expect(result.grade).toBe(GRADES.NOT_RATED);
        if (!criticalFailed && result.score !== null) {
          const { compliant: high, partial: low } = c.content.gradeBands;
          expect(result.grade).toBe(result.score >= high ? GRADES.COMPLIANT : result.score >= low ? GRADES.PARTIAL : GRADES.NON_COMPLIANT);
        }
      }),
      RUNS,
    );
  });

  it("makes every item that is neither compliant nor «not applicable» a finding, and nothing else", () => {
    fc.assert(
      fc.property(scoringCase, (c) => {
        const result = score(c);
        expect(result.items.map((i) => i.key)).toEqual(answerableItems(c.content).map((i) => i.key));
        expect(result.findings.map((f) => f.itemKey)).toEqual(result.items.filter((i) => isFinding(i.status)).map((i) => i.key));
      }),
      RUNS,
    );
  });
});

describe("scoring edge the properties found", () => {
  it("a failed critical item that weighs nothing, with everything else «not applicable», still fails the blank", () => {
    const content = ZTemplateContent.parse({
      title: "БЛАНК СООТВЕТСТВИЯ",
      columns: { number: "№", name: "Наименование", value: "Реквизиты", match: "Соответствие" },
      items: [
        { key: "00000000-0000-4000-8000-000000000001", title: "Приказ", kind: "DOCUMENT", weight: 0, critical: true },
        { key: "00000000-0000-4000-8000-000000000002", title: "Сайт", kind: "PRESENCE" },
      ],
    });
    const result = scoreBlank(
      content,
      { "00000000-0000-4000-8000-000000000002": { value: { kind: "PRESENCE", present: true }, mark: "NOT_APPLICABLE" } },
      { campaignDate: "2024-01-01" },
    );
    expect(result.findings).toEqual([expect.objectContaining({ status: "NOT_ANSWERED", critical: true })]);
    expect(result.score).toBeNull();
    expect(result.grade).toBe(GRADES.NON_COMPLIANT);
  });
});
