import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeTiming,
  parseTiming,
  RECURRENCE_FREQUENCIES,
  TIMING_KINDS,
  type ParsedTiming,
  type TimingContext,
} from "@/lib/domain/plans/parse-timing";
import { splitResponsible } from "@/lib/domain/plans/responsible";
import { parseSchoolYear, schoolYearFromText } from "@/lib/domain/plans/school-year";
import { parseTargetRules } from "@/lib/domain/plans/target-rules";
import { parseRequisites, parseRequisitesList, splitDocuments, type Requisites } from "@/lib/domain/requisites/parse-requisites";
import { findQuoted } from "@/lib/domain/requisites/quotes";
import { findDate } from "@/lib/domain/requisites/russian-dates";
import { DOCUMENT_TYPES } from "@/lib/schemas/document";
import { CYRILLIC, SEED } from "./property-config";

/**
 * The free-text parsers (requisites, dates, timings, and those an import runs on
 * every cell): whatever the text, they never throw, always answer in their
 * documented shape, and take linear-ish time on 100 KB of the most hostile text
 * for their regular expressions.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/u;
const isRealDate = (iso: string) => ISO.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

/** Words and marks the parsers look for, to be glued into texts that nearly make sense. */
const PIECES = [
  "Приказ",
  "приказ",
  "Федеральный закон",
  "распоряжение",
  "Положение",
  "письмо",
  "План",
  "отчёт",
  "Справка",
  "договора",
  "от",
  "№",
  "No",
  "N",
  "No.",
  "г.",
  "года",
  "«",
  "»",
  '"',
  "„",
  "“",
  "”",
  "-",
  "–",
  "/",
  ".",
  ",",
  ";",
  ":",
  " ",
  "\t",
  "\n",
  "1",
  "22",
  "31",
  "29",
  "2020",
  "2021",
  "22.07.2021",
  "31.02.2021",
  "29.02.2024",
  "1.1.1",
  "«22» июля 2021",
  "14 мая 2021 года",
  "января",
  "сентябрь",
  "Октябрь",
  "до",
  "с",
  "по",
  "в течение",
  "учебного",
  "года",
  "ежегодно",
  "раза в",
  "месяц",
  "полугодие",
  '=HYPERLINK("http://evil","x")',
  "\u0000",
  "\u202e",
  "\ud800",
  "<p>",
  "</p>",
  "(",
  ")",
  "I этап",
  "Иванов И.И.",
  "директор",
];
const nearlyText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join(" ")) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("«", "»", '"', "„", "“", "”", "№", "1", ".", " ", "а", "-"), maxLength: 60 }) },
);

const KB_100 = 100 * 1024;
const fill = (unit: string, prefix = "", suffix = "") =>
  prefix + unit.repeat(Math.ceil((KB_100 - prefix.length - suffix.length) / unit.length)) + suffix;

/**
 * Texts built against the regular expressions: runs of what a pattern starts on
 * but never finishes (unclosed quotes, "1.1.1…", a kind's stem, separators).
 */
const ADVERSARIAL: Record<string, string> = {
  unclosedGuillemets: fill("«", "Приказ "),
  unclosedGuillemetsAfterNumber: fill("«", "Приказ от 01.01.2020 № 1 "),
  unclosedLowQuotes: fill("„", "Приказ "),
  unclosedHighQuotes: fill("“", "Приказ "),
  straightQuotes: fill('"', "Приказ "),
  dottedNumbers: fill("1.", "Приказ № "),
  dottedNumbersAlone: fill("1."),
  digitsAndDots: fill("1.1.", "Приказ "),
  stems: fill("федеральн"),
  stemsSpaced: fill("федеральн "),
  kinds: fill("Приказ "),
  kindsQuoted: fill("Приказ «", "", "»"),
  separators: fill(", -", "Приказ ", "x"),
  spaces: fill(" ", "Приказ", "x"),
  numberSigns: fill("№ ", "Приказ "),
  numberWord: fill("а", "Приказ №"),
  noNo: fill("No", "Приказ "),
  datesInWords: fill("1 января ", "Приказ "),
  dashes: fill("1-", "Приказ № "),
  tags: fill("<p", "до "),
  parentheses: fill("(", "", "2020"),
  controls: fill("\u0000\u0001\u001f"),
  surrogates: fill("\ud800"),
  names: fill("Иванов И.И. "),
};

/** The longest a single call may take on 100 KB: generous for a shared, noisy machine; the quadratic versions took minutes. */
const BOUND_MS = 2_000;

function timed<T>(what: string, call: () => T): T {
  const started = performance.now();
  const result = call();
  const ms = performance.now() - started;
  if (ms > BOUND_MS) throw new Error(`${what} took ${Math.round(ms)} ms on 100 KB`);
  return result;
}

function expectRequisites(value: Requisites) {
  expect(Object.keys(value).sort()).toEqual(["date", "issuer", "number", "title", "type"]);
  expect(DOCUMENT_TYPES as readonly (string | null)[]).toContain(value.type);
  for (const field of ["issuer", "number", "title"] as const) {
    const text = value[field];
    if (text !== null) expect(typeof text === "string" && text.length > 0).toBe(true);
  }
  if (value.date !== null) expect(isRealDate(value.date)).toBe(true);
}

function expectRequisitesResult(result: ReturnType<typeof parseRequisites>) {
  if (result.ok) expectRequisites(result.value);
  else expect(result.error).toMatch(CYRILLIC);
}

describe("requisites parser", () => {
  it("never throws and answers in its documented shape", () => {
    fc.assert(
      fc.property(nearlyText, (text) => {
        expectRequisitesResult(parseRequisites(text));
        const list = parseRequisitesList(text);
        if (list.ok) {
          expect(list.value.length).toBeGreaterThan(0);
          list.value.forEach(expectRequisites);
        } else expect(list.error).toMatch(CYRILLIC);
        const parts = splitDocuments(text);
        expect(parts.length).toBeGreaterThan(0);
        const date = findDate(text);
        if (date) {
          expect(text.slice(date.index, date.index + date.written.length)).toBe(date.written);
          if (date.iso !== null) expect(isRealDate(date.iso)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("finds a quoted title exactly where the regular expression it replaces would", () => {
    const QUOTED_RE = /«([^»]+)»|"([^"]+)"|„([^“”]+)[“”]|“([^”]+)”/u;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("«", "»", '"', "„", "“", "”", "а", " "), maxLength: 30 }), (text) => {
        const expected = QUOTED_RE.exec(text);
        expect(findQuoted(text)).toEqual(
          expected ? { index: expected.index, content: expected.slice(1).find((g) => g !== undefined) } : null,
        );
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it("takes linear time on 100 KB of hostile text", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) {
      expectRequisitesResult(timed(`parseRequisites(${name})`, () => parseRequisites(text)));
      timed(`parseRequisitesList(${name})`, () => parseRequisitesList(text));
      timed(`findDate(${name})`, () => findDate(text));
    }
  }, 60_000);
});

const SY_2020 = parseSchoolYear("2020/2021")!;
const contexts = fc.constantFrom<TimingContext | undefined>(
  undefined,
  { schoolYear: SY_2020 },
  { planStart: "2013-09-01", planEnd: "2015-12-31" },
  { planStart: "2021-01-01" },
  { planEnd: "2021-05-31" },
  // Nonsense a caller might pass: ignored, never thrown on.
  { planStart: "2021-02-30", planEnd: "garbage" },
  { schoolYear: { label: "x", start: "2021-09-01", end: "2020-01-01" } },
  { planStart: "0001-01-01", planEnd: "9999-12-31" },
);

function expectTiming(parsed: ParsedTiming, input: string) {
  expect(TIMING_KINDS).toContain(parsed.kind);
  expect(parsed.text).toBe(input.replace(/\s+/g, " ").trim());
  for (const side of [parsed.start, parsed.end]) if (side !== null) expect(isRealDate(side)).toBe(true);
  if (parsed.start && parsed.end) expect(parsed.start <= parsed.end).toBe(true);
  if (parsed.kind === "unknown") expect([parsed.start, parsed.end]).toEqual([null, null]);
  if (parsed.kind === "recurring") {
    expect(RECURRENCE_FREQUENCIES).toContain(parsed.recurrence?.frequency);
    expect(Array.isArray(parsed.dueDates)).toBe(true);
    expect(parsed.dueDates!.length).toBeLessThanOrEqual(60);
    for (const due of parsed.dueDates!) expect(isRealDate(due) && due >= parsed.start! && due <= parsed.end!).toBe(true);
    expect([...parsed.dueDates!].sort()).toEqual(parsed.dueDates);
  } else {
    expect(parsed.dueDates).toBeUndefined();
  }
  expect(describeTiming(parsed)).toMatch(CYRILLIC);
}

describe("timing parser", () => {
  it("never throws and answers in its documented shape, whatever the context", () => {
    fc.assert(
      fc.property(nearlyText, contexts, (text, context) => expectTiming(parseTiming(text, context), text)),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("tolerates wrong types at run time", () => {
    for (const value of [null, undefined, 42, {}, [], Symbol("s"), 10n]) {
      expect(parseTiming(value as unknown as string)).toEqual({ kind: "unknown", start: null, end: null, text: "" });
      expect(parseSchoolYear(value as unknown as string)).toBeNull();
    }
  });

  it("takes linear time on hostile text, 100 KB and just under its 1,000-character limit", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) {
      for (const sample of [text, text.slice(0, 1000)]) {
        for (const context of [undefined, { schoolYear: SY_2020 }]) {
          expectTiming(
            timed(`parseTiming(${name}, ${sample.length})`, () => parseTiming(sample, context)),
            sample,
          );
        }
        timed(`schoolYearFromText(${name})`, () => schoolYearFromText(sample));
      }
    }
  }, 60_000);
});

describe("the other parsers an import runs on every cell", () => {
  it("never throw on random text", () => {
    fc.assert(
      fc.property(nearlyText, (text) => {
        const responsible = splitResponsible(text);
        for (const list of [responsible.people, responsible.organizations, responsible.roles]) {
          for (const entry of list) expect(typeof entry).toBe("string");
        }
        const rules = parseTargetRules(text);
        if (!rules.ok) expect(rules.error).toMatch(CYRILLIC);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("take linear time on 100 KB of hostile text", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) {
      timed(`splitResponsible(${name})`, () => splitResponsible(text));
      timed(`parseTargetRules(${name})`, () => parseTargetRules(text));
    }
  }, 60_000);
});
