import { describe, expect, it } from "vitest";
import {
  NO_RULE_ERROR,
  TARGET_RULE_KINDS,
  describeRule,
  evaluateTarget,
  formatNumber,
  parseTargetRules,
  type IndicatorMeasurement,
  type TargetRule,
} from "@/lib/domain/plans/target-rules";

/** Seed 004, section 6 "Целевые показатели", column "Значение показателя", indicators 1–9. */
const SEED_004_TARGETS = [
  "не менее 5 % от общего количества педагогов в 2020 г., не менее 10% в 2021 году 100% до конца 2024 года",
  "Во всех образовательных организациях (100%)",
  "не менее 30 % от общего количества педагогов в год",
  "100% охват молодых специалистов адресной методической поддержкой",
  "до 4 заседаний в год по каждому направлению с участием представителей 36 общеобразовательных организаций 38 дошкольных образовательных организаций учреждений дополнительного образования",
  "работа 12 тьюторских сообществ (по предметам ЕГЭ) работа 8 стажировочных площадок (для школ с низкими образовательными результатами)",
  "Не менее 1 педагога от каждой образовательной организации в год",
  "100% охват школ ИИНОР методической поддержкой (методические выезды, консультации)",
  "Не менее 25 % образовательных организаций, имеющих статус инновационной площадки",
] as const;

const rule = (value: Partial<TargetRule> & Pick<TargetRule, "kind" | "value">): TargetRule => ({
  year: null,
  byYear: null,
  subject: null,
  text: "",
  ...value,
});

function rulesOf(text: string): TargetRule[] {
  const parsed = parseTargetRules(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

/** What a rule means, without the fragment it came from. */
const meaning = ({ text: _text, ...rest }: TargetRule) => rest;

describe("parseTargetRules on seed 004", () => {
  it("1: three percents, two bound to a year and one to a deadline", () => {
    const parsed = parseTargetRules(SEED_004_TARGETS[0]);
    expect(parsed).toEqual({
      ok: true,
      unit: "%",
      rules: [
        rule({ kind: "AT_LEAST_PERCENT", value: 5, year: 2020, text: "не менее 5 % от общего количества педагогов в 2020 г." }),
        rule({ kind: "AT_LEAST_PERCENT", value: 10, year: 2021, text: "не менее 10% в 2021 году" }),
        rule({ kind: "AT_LEAST_PERCENT", value: 100, byYear: 2024, text: "100% до конца 2024 года" }),
      ],
    });
  });

  it("2: a percent in parentheses, the whole sentence as its text", () => {
    expect(parseTargetRules(SEED_004_TARGETS[1])).toEqual({
      ok: true,
      unit: "%",
      rules: [rule({ kind: "AT_LEAST_PERCENT", value: 100, text: "Во всех образовательных организациях (100%)" })],
    });
  });

  it("3: «в год» is not a year", () => {
    expect(rulesOf(SEED_004_TARGETS[2]).map(meaning)).toEqual([meaning(rule({ kind: "AT_LEAST_PERCENT", value: 30 }))]);
  });

  it("4: «100% охват»", () => {
    expect(rulesOf(SEED_004_TARGETS[3]).map(meaning)).toEqual([meaning(rule({ kind: "AT_LEAST_PERCENT", value: 100 }))]);
  });

  it("5: up to 4 a year; the numbers of organisations after it are description", () => {
    const parsed = parseTargetRules(SEED_004_TARGETS[4]);
    expect(parsed).toEqual({
      ok: true,
      unit: "count",
      rules: [rule({ kind: "UP_TO_PER_YEAR", value: 4, subject: "заседаний", text: SEED_004_TARGETS[4] })],
    });
  });

  it("6: two counts with what they count", () => {
    expect(parseTargetRules(SEED_004_TARGETS[5])).toEqual({
      ok: true,
      unit: "count",
      rules: [
        rule({
          kind: "AT_LEAST_COUNT",
          value: 12,
          subject: "тьюторских сообществ",
          text: "работа 12 тьюторских сообществ (по предметам ЕГЭ)",
        }),
        rule({
          kind: "AT_LEAST_COUNT",
          value: 8,
          subject: "стажировочных площадок",
          text: "работа 8 стажировочных площадок (для школ с низкими образовательными результатами)",
        }),
      ],
    });
  });

  it("7: at least 1 from each organisation", () => {
    expect(rulesOf(SEED_004_TARGETS[6])).toEqual([
      rule({ kind: "AT_LEAST_PER_ORGANIZATION", value: 1, subject: "педагога", text: SEED_004_TARGETS[6] }),
    ]);
  });

  it("8: «100% охват школ ИИНОР»", () => {
    expect(rulesOf(SEED_004_TARGETS[7])).toEqual([rule({ kind: "AT_LEAST_PERCENT", value: 100, text: SEED_004_TARGETS[7] })]);
  });

  it("9: «Не менее 25 %», capitalised", () => {
    expect(rulesOf(SEED_004_TARGETS[8])).toEqual([rule({ kind: "AT_LEAST_PERCENT", value: 25, text: SEED_004_TARGETS[8] })]);
  });

  it("every rule's text is a fragment of its source", () => {
    for (const text of SEED_004_TARGETS) for (const r of rulesOf(text)) expect(text).toContain(r.text);
  });
});

describe("parseTargetRules, other wordings", () => {
  it.each<[string, Partial<TargetRule> & Pick<TargetRule, "kind" | "value">]>([
    ["не менее 30%", { kind: "AT_LEAST_PERCENT", value: 30 }],
    ["не  менее\u00A030 %", { kind: "AT_LEAST_PERCENT", value: 30 }],
    ["2,5 %", { kind: "AT_LEAST_PERCENT", value: 2.5 }],
    ["не менее 12,5 % педагогов", { kind: "AT_LEAST_PERCENT", value: 12.5 }],
    ["100 %", { kind: "AT_LEAST_PERCENT", value: 100 }],
    ["до 100% школ", { kind: "AT_LEAST_PERCENT", value: 100 }],
    ["не менее 12", { kind: "AT_LEAST_COUNT", value: 12 }],
    ["не менее 3 семинаров", { kind: "AT_LEAST_COUNT", value: 3, subject: "семинаров" }],
    ["не менее 1 на каждую организацию", { kind: "AT_LEAST_PER_ORGANIZATION", value: 1 }],
    ["1 педагог от каждой школы", { kind: "AT_LEAST_PER_ORGANIZATION", value: 1, subject: "педагог" }],
    ["до 4 в год", { kind: "UP_TO_PER_YEAR", value: 4 }],
    ["до 6 выездов ежегодно", { kind: "UP_TO_PER_YEAR", value: 6, subject: "выездов" }],
    ["в 2022 году не менее 40 %", { kind: "AT_LEAST_PERCENT", value: 40, year: 2022 }],
    ["не менее 40 % к 2023 году", { kind: "AT_LEAST_PERCENT", value: 40, byYear: 2023 }],
    ["100 % к концу 2024 г.", { kind: "AT_LEAST_PERCENT", value: 100, byYear: 2024 }],
    ["не менее 5 % (2020 г.)", { kind: "AT_LEAST_PERCENT", value: 5, year: 2020 }],
  ])("%j", (text, expected) => {
    expect(rulesOf(text).map(meaning)).toEqual([meaning(rule(expected))]);
  });

  it("reads a year written after its rule, not the next one's", () => {
    const rules = rulesOf("не менее 10 % в 2021 г.; не менее 20 % в 2022 г.");
    expect(rules.map((r) => [r.value, r.year])).toEqual([
      [10, 2021],
      [20, 2022],
    ]);
  });

  it("does not take «до N» without «в год» for a rule", () => {
    expect(parseTargetRules("до 5 человек")).toEqual({ ok: false, error: NO_RULE_ERROR });
    expect(rulesOf("не менее 2 семинаров, до 5 человек").map((r) => r.value)).toEqual([2]);
  });

  it.each([
    "",
    "   ",
    "хорошо",
    "Во всех образовательных организациях",
    "представителей 36 общеобразовательных организаций",
    "до конца 2024 года",
  ])("refuses text with no rule: %j", (text) => {
    expect(parseTargetRules(text)).toEqual({ ok: false, error: NO_RULE_ERROR });
  });

  it("refuses a percent over 100", () => {
    const parsed = parseTargetRules("не менее 120 % педагогов");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe("Значение «120 %» больше 100 %: доля не может превышать 100 %.");
    expect(parseTargetRules("100,5%").ok).toBe(false);
  });

  it("refuses «не более» instead of misreading it as a minimum", () => {
    const parsed = parseTargetRules("не более 5 % отказов");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/не более/);
  });

  it("refuses percents and counts mixed in one value", () => {
    const parsed = parseTargetRules("100% охват, не менее 1 педагога от каждой организации");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/смешаны/);
  });

  it("lists its kinds", () => {
    expect(TARGET_RULE_KINDS).toEqual(["AT_LEAST_PERCENT", "AT_LEAST_COUNT", "AT_LEAST_PER_ORGANIZATION", "UP_TO_PER_YEAR"]);
  });
});

describe("describeRule", () => {
  it("describes the seed 004 rules", () => {
    expect(SEED_004_TARGETS.map((text) => rulesOf(text).map((r) => describeRule(r)))).toEqual([
      ["не менее 5 % (2020 г.)", "не менее 10 % (2021 г.)", "100 % к концу 2024 г."],
      ["100 %"],
      ["не менее 30 %"],
      ["100 %"],
      ["до 4 в год"],
      ["не менее 12", "не менее 8"],
      ["не менее 1 на каждую организацию"],
      ["100 %"],
      ["не менее 25 %"],
    ]);
  });

  it("names what is counted when asked", () => {
    expect(rulesOf(SEED_004_TARGETS[5]).map((r) => describeRule(r, { withSubject: true }))).toEqual([
      "не менее 12 тьюторских сообществ",
      "не менее 8 стажировочных площадок",
    ]);
    expect(describeRule(rulesOf(SEED_004_TARGETS[4])[0]!, { withSubject: true })).toBe("до 4 заседаний в год");
    expect(describeRule(rulesOf(SEED_004_TARGETS[6])[0]!, { withSubject: true })).toBe("не менее 1 педагога на каждую организацию");
  });

  it("writes decimals with a comma", () => {
    expect(describeRule(rule({ kind: "AT_LEAST_PERCENT", value: 2.5 }))).toBe("не менее 2,5 %");
    expect(formatNumber(12.5)).toBe("12,5");
    expect(formatNumber(99.996)).toBe("99,99");
    expect(formatNumber((100 / 3) * 3)).toBe("100");
  });

  it("parses back to the same rule", () => {
    for (const text of SEED_004_TARGETS) {
      for (const r of rulesOf(text)) {
        expect(rulesOf(describeRule(r, { withSubject: true })).map(meaning)).toEqual([meaning(r)]);
        expect(rulesOf(describeRule(r)).map((back) => meaning({ ...back, subject: r.subject }))).toEqual([meaning(r)]);
      }
    }
    const both = rule({ kind: "AT_LEAST_COUNT", value: 3, year: 2021, byYear: 2024 });
    expect(rulesOf(describeRule(both)).map(meaning)).toEqual([meaning(both)]);
  });
});

describe("evaluateTarget", () => {
  const m = (value: number, base: number | null = null, organizationId: string | null = null): IndicatorMeasurement => ({
    organizationId,
    value,
    base,
  });
  const evaluate = (rules: TargetRule[], year: number, measurements: IndicatorMeasurement[], organizationIds: string[] = []) =>
    evaluateTarget({ rules, period: { year }, measurements, organizationIds });

  describe("indicator 1: year-bound percents and a deadline", () => {
    const rules = rulesOf(SEED_004_TARGETS[0]);

    it("applies the 2021 rule in 2021 only: 12,5 % ≥ 10 %", () => {
      expect(evaluate(rules, 2021, [m(100, 1000), m(25, 0)])).toEqual({
        status: "ACHIEVED",
        actual: 12.5,
        rules: [rules[1]],
        explanation: "12,5 % при цели не менее 10 %",
      });
    });

    it("applies the 2020 rule in 2020", () => {
      const result = evaluate(rules, 2020, [m(4, 100)]);
      expect(result).toMatchObject({ status: "NOT_ACHIEVED", actual: 4, rules: [rules[0]], explanation: "4 % при цели не менее 5 %" });
    });

    it("is not due between the yearly rules and the deadline", () => {
      expect(evaluate(rules, 2022, [m(30, 100)])).toEqual({
        status: "NOT_DUE",
        actual: null,
        rules: [rules[2]],
        explanation: "цель — к концу 2024 г.",
      });
      expect(evaluate(rules, 2019, [])).toMatchObject({ status: "NOT_DUE", explanation: "цель — к концу 2024 г." });
    });

    it("is due in the deadline year and keeps holding afterwards", () => {
      expect(evaluate(rules, 2024, [m(90, 100)])).toMatchObject({
        status: "NOT_ACHIEVED",
        actual: 90,
        rules: [rules[2]],
        explanation: "90 % при цели 100 %",
      });
      expect(evaluate(rules, 2024, [m(100, 100)])).toMatchObject({ status: "ACHIEVED", actual: 100 });
      expect(evaluate(rules, 2026, [m(80, 100)])).toMatchObject({ status: "NOT_ACHIEVED", rules: [rules[2]] });
    });

    it("has no data when nothing was measured in a due period", () => {
      expect(evaluate(rules, 2021, [])).toEqual({
        status: "NO_DATA",
        actual: null,
        rules: [rules[1]],
        explanation: "нет значений за период",
      });
    });
  });

  describe("percents", () => {
    const thirty = rulesOf(SEED_004_TARGETS[2]);

    it("pools value / base over organisations, ignoring measurements without a base", () => {
      // (10 + 50) / (100 + 100) = 30 %; the base-less 0 is not a share of anything.
      expect(evaluate(thirty, 2021, [m(10, 100, "a"), m(50, 100, "b"), m(0, null, "c")])).toMatchObject({ status: "ACHIEVED", actual: 30 });
    });

    it("reads a single base-less value as a percent", () => {
      expect(evaluate(thirty, 2021, [m(29.5)])).toMatchObject({
        status: "NOT_ACHIEVED",
        actual: 29.5,
        explanation: "29,5 % при цели не менее 30 %",
      });
    });

    it("averages several base-less percents", () => {
      expect(evaluate(thirty, 2021, [m(20, null, "a"), m(40, null, "b")])).toMatchObject({ status: "ACHIEVED", actual: 30 });
    });

    it("compares with a small epsilon", () => {
      const hundred = rulesOf(SEED_004_TARGETS[1]);
      // 100 * 0.3 / (0.1 + 0.2) is 99.99999999999999 in floating point.
      const result = evaluate(hundred, 2021, [m(0.3, 0.1, "a"), m(0, 0.2, "b")]);
      expect(result.actual).toBeLessThan(100);
      expect(result.status).toBe("ACHIEVED");
      expect(result.explanation).toBe("100 % при цели 100 %");
    });

    it("has no data when the bases sum to zero", () => {
      expect(evaluate(thirty, 2021, [m(0, 0)])).toMatchObject({ status: "NO_DATA", actual: null });
    });
  });

  describe("counts", () => {
    const six = rulesOf(SEED_004_TARGETS[5]);

    it("compares one total with every count target", () => {
      expect(evaluate(six, 2021, [m(7), m(5)])).toEqual({
        status: "ACHIEVED",
        actual: 12,
        rules: six,
        explanation:
          "12 при цели не менее 12 тьюторских сообществ; 12 при цели не менее 8 стажировочных площадок (одна общая сумма сравнивается с каждой целью)",
      });
      expect(evaluate(six, 2021, [m(10)])).toMatchObject({
        status: "NOT_ACHIEVED",
        actual: 10,
        explanation: "10 при цели не менее 12 тьюторских сообществ (одна общая сумма сравнивается с каждой целью)",
      });
    });

    it("says nothing about several targets for a single one", () => {
      expect(evaluate(rulesOf("не менее 3 семинаров"), 2021, [m(3)]).explanation).toBe("3 при цели не менее 3 семинаров");
    });
  });

  describe("per organisation", () => {
    const seven = rulesOf(SEED_004_TARGETS[6]);

    it("counts a missing organisation as 0", () => {
      expect(evaluate(seven, 2021, [m(2, null, "a"), m(1, null, "b")], ["a", "b", "c"])).toEqual({
        status: "NOT_ACHIEVED",
        actual: 2,
        rules: seven,
        explanation: "1 организация из 3 ниже 1",
        organizationsBelow: ["c"],
      });
    });

    it("sums each organisation's measurements and ignores others", () => {
      const result = evaluate(seven, 2021, [m(0, null, "a"), m(1, null, "a"), m(1, null, "b"), m(5, null, "x"), m(3)], ["a", "b"]);
      expect(result).toMatchObject({ status: "ACHIEVED", actual: 2, explanation: "все 2 организации — не менее 1" });
    });

    it("declines the noun after the number", () => {
      const ids = Array.from({ length: 36 }, (_, i) => `s${i}`);
      const measured = ids.slice(5).map((id) => m(1, null, id));
      expect(evaluate(seven, 2021, measured, ids).explanation).toBe("5 организаций из 36 ниже 1");
      expect(evaluate(seven, 2021, measured.slice(2), ids).explanation).toBe("7 организаций из 36 ниже 1");
      expect(
        evaluate(
          seven,
          2021,
          ids.slice(2).map((id) => m(1, null, id)),
          ids,
        ).explanation,
      ).toBe("2 организации из 36 ниже 1");
    });

    it("checks the organisations that reported when none are listed", () => {
      expect(evaluate(seven, 2021, [m(1, null, "a"), m(0, null, "b")])).toMatchObject({
        status: "NOT_ACHIEVED",
        actual: 1,
        explanation: "1 организация из 2 ниже 1",
      });
      expect(evaluate(seven, 2021, [m(1, null, "a")])).toMatchObject({ status: "ACHIEVED", explanation: "все 1 организация — не менее 1" });
      expect(evaluate(seven, 2021, [m(4)])).toMatchObject({ status: "NO_DATA", actual: null, explanation: "нет значений по организациям" });
    });
  });

  describe("up to N a year", () => {
    const five = rulesOf(SEED_004_TARGETS[4]);

    it("is met from one meeting on, more than planned included", () => {
      expect(evaluate(five, 2021, [m(3)])).toMatchObject({ status: "ACHIEVED", actual: 3, explanation: "3 при плане до 4 в год" });
      expect(evaluate(five, 2021, [m(6)])).toMatchObject({
        status: "ACHIEVED",
        actual: 6,
        explanation: "6 при плане до 4 в год (больше плана)",
      });
      expect(evaluate(five, 2021, [m(0)])).toMatchObject({ status: "NOT_ACHIEVED", actual: 0, explanation: "0 при плане до 4 в год" });
    });
  });

  describe("several rules and no rules", () => {
    it("needs every applying rule to hold", () => {
      const rules = [rule({ kind: "AT_LEAST_PERCENT", value: 30 }), rule({ kind: "AT_LEAST_PERCENT", value: 50, byYear: 2021 })];
      expect(evaluate(rules, 2021, [m(40, 100)])).toMatchObject({
        status: "NOT_ACHIEVED",
        actual: 40,
        rules,
        explanation: "40 % при цели не менее 50 %",
      });
      expect(evaluate(rules, 2021, [m(60, 100)])).toMatchObject({
        status: "ACHIEVED",
        actual: 60,
        explanation: "60 % при цели не менее 30 %; 60 % при цели не менее 50 %",
      });
      // Before the deadline only the standing rule applies.
      expect(evaluate(rules, 2020, [m(40, 100)])).toMatchObject({ status: "ACHIEVED", rules: [rules[0]] });
    });

    it("is not due when no rule is set for the period", () => {
      expect(evaluate(rulesOf("не менее 5 % в 2020 г."), 2021, [m(1, 2)])).toEqual({
        status: "NOT_DUE",
        actual: null,
        rules: [],
        explanation: "на 2021 г. цель не установлена",
      });
      expect(evaluate([], 2021, [])).toMatchObject({ status: "NOT_DUE" });
    });
  });
});
