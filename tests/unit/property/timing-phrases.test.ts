import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTiming, parseTiming, TIMING_KINDS, type ParsedTiming, type TimingContext } from "@/lib/domain/plans/parse-timing";
import { schoolYearStarting } from "@/lib/domain/plans/school-year";
import { PART_MONTHS } from "@/lib/domain/plans/timing-parts";
import { CYRILLIC, SEED } from "./property-config";

/**
 * The timing phrases of issue 17 (parts of a year, days of the month, weekdays, school
 * quarters, the start of the school year) glued into texts that nearly make sense, in any
 * context: the parser never throws, never starts after it ends, and its due dates stay
 * inside the range, ascending, on the day or weekday it names.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/u;
const isRealDate = (iso: string) => ISO.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
const lastDay = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();

const PIECES = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "1",
  "2",
  "4",
  "10",
  "31",
  "1-е",
  "2-й",
  "первое",
  "второго",
  "четвертой",
  "квартал",
  "кварталы",
  "кв.",
  "полугодие",
  "полугодии",
  "четверть",
  "четверти",
  "в",
  "во",
  "и",
  ",",
  "-",
  "–",
  "в течение",
  "к началу",
  "до начала",
  "перед началом",
  "по итогам",
  "до конца",
  "в конце",
  "каждой",
  "нового",
  "учебного года",
  "уч. года",
  "2020/2021",
  "2021-2022",
  "2022",
  "2022 г.",
  "гг.",
  "ежемесячно",
  "ежеквартально",
  "еженедельно",
  "ежегодно",
  "раз в",
  "числа",
  "по пятницам",
  "в среду",
  "каждую",
  "июль",
  "августе",
  "декабрь",
  "январь",
  "мае",
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(" ")) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join("")) },
);

const isoBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const context: fc.Arbitrary<TimingContext | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1990, max: 2090 }).map((year) => ({ schoolYear: schoolYearStarting(year) })),
  fc
    .tuple(isoBetween("1990-01-01", "2090-12-31"), fc.integer({ min: 0, max: 1500 }))
    .map(([start, days]) => ({ planStart: start, planEnd: new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10) })),
  isoBetween("1990-01-01", "2090-12-31").map((planStart) => ({ planStart })),
  isoBetween("1990-01-01", "2090-12-31").map((planEnd) => ({ planEnd })),
);

function expectSound(parsed: ParsedTiming, input: string) {
  expect(TIMING_KINDS).toContain(parsed.kind);
  expect(parsed.text).toBe(input.replace(/\s+/g, " ").trim());
  for (const side of [parsed.start, parsed.end]) if (side !== null) expect(isRealDate(side)).toBe(true);
  if (parsed.start && parsed.end) expect(parsed.start <= parsed.end).toBe(true);
  if (parsed.part) {
    expect(parsed.kind).toBe("period");
    const [first] = PART_MONTHS[parsed.part.unit][parsed.part.from - 1]!;
    const [, last] = PART_MONTHS[parsed.part.unit][parsed.part.to - 1]!;
    expect([Number(parsed.start?.slice(5, 7)), parsed.start?.slice(8)]).toEqual([first, "01"]);
    expect([Number(parsed.end?.slice(5, 7)), Number(parsed.end?.slice(8))]).toEqual([last, lastDay(parsed.end!)]);
  }
  if (parsed.kind === "recurring") {
    const due = parsed.dueDates ?? [];
    expect(due.length).toBeLessThanOrEqual(60);
    expect([...new Set(due)].sort()).toEqual(due);
    for (const d of due) expect(isRealDate(d) && d >= parsed.start! && d <= parsed.end!).toBe(true);
    const { frequency, day, weekday: named } = parsed.recurrence!;
    if (frequency === "weekly" && due.length) for (const d of due) expect(weekday(d)).toBe(named ?? 7);
    if (frequency === "monthly" && day !== undefined) {
      for (const d of due) expect(Number(d.slice(8))).toBe(Math.min(day, lastDay(d)));
    }
  } else {
    expect(parsed.dueDates).toBeUndefined();
    expect(parsed.recurrence).toBeUndefined();
  }
  expect(describeTiming(parsed)).toMatch(CYRILLIC);
}

describe("timing phrases, property-tested", () => {
  it("never throw, never start after they end, and keep due dates inside the range, sorted", () => {
    fc.assert(
      fc.property(text, context, (input, ctx) => expectSound(parseTiming(input, ctx), input)),
      { seed: SEED, numRuns: 3_000 },
    );
  });

  const roman = ["I", "II", "III", "IV"];
  const ordinal = (n: number) => fc.constantFrom(roman[n - 1]!, String(n), `${n}-й`, `${n}-е`);
  const part = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom("квартал", "квартале", "кв.", "четверть", "четверти")),
    fc.tuple(fc.integer({ min: 1, max: 2 }), fc.constantFrom("полугодие", "полугодии", "полугодия")),
  );
  const written = fc
    .tuple(part, fc.constantFrom("", "в ", "в течение ", "за "))
    .chain(([[n, noun], prefix]) => ordinal(n).map((o) => `${prefix}${o} ${noun}`));

  it("read every part of a year written with a calendar year as a period in that year", () => {
    fc.assert(
      fc.property(
        written,
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom("", " г.", " года"),
        context,
        (phrase, year, word, ctx) => {
          const input = `${phrase} ${year}${word}`;
          const parsed = parseTiming(input, ctx);
          expectSound(parsed, input);
          expect(parsed.kind).toBe("period");
          expect(parsed.start?.slice(0, 4)).toBe(String(year));
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("read every part of a year without a year inside the context's school year", () => {
    fc.assert(
      fc.property(written, fc.integer({ min: 1000, max: 9998 }), (phrase, first) => {
        const schoolYear = schoolYearStarting(first);
        const parsed = parseTiming(phrase, { schoolYear });
        expectSound(parsed, phrase);
        expect(parsed.kind).toBe("period");
        // July–September (III квартал) straddles the school year's end, as «июль-сентябрь» does.
        expect(parsed.start! >= schoolYear.start && parsed.start! <= schoolYear.end).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  const WEEKDAYS = ["по понедельникам", "по вторникам", "по средам", "по четвергам", "по пятницам", "по субботам", "по воскресеньям"];

  it("put monthly due dates on the day named and weekly ones on the weekday named, wherever the range falls", () => {
    const monthly = fc
      .tuple(
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom("ежемесячно до %d числа", "до %d-го числа каждого месяца", "1 раз в месяц, не позднее %d числа"),
      )
      .map(([day, pattern]) => ({ input: pattern.replace("%d", String(day)), day, weekday: undefined }));
    const weekly = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom("еженедельно %s", "%s", "1 раз в неделю (%s)"))
      .map(([weekday, pattern]) => ({ input: pattern.replace("%s", WEEKDAYS[weekday - 1]!), day: undefined, weekday }));
    fc.assert(
      fc.property(fc.oneof(monthly, weekly), context, ({ input, day, weekday: named }, ctx) => {
        const parsed = parseTiming(input, ctx);
        expectSound(parsed, input);
        expect(parsed.kind).toBe("recurring");
        expect([parsed.recurrence?.day, parsed.recurrence?.weekday]).toEqual([day, named]);
        if (parsed.start && parsed.end && parsed.start <= parsed.end && day === undefined) {
          // every week of the range, up to the first 60
          const days = (Date.parse(parsed.end) - Date.parse(parsed.start)) / 86_400_000 + 1;
          expect(parsed.dueDates?.length).toBe(Math.min(60, Math.floor((days - ((named! - weekday(parsed.start) + 7) % 7) + 6) / 7)));
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  /** Just under the 1,000 characters the parser reads: runs of what the new patterns start on but never finish. */
  const HOSTILE = [
    "I ".repeat(499),
    "I-".repeat(499),
    "в течение I ".repeat(80),
    "по итогам ".repeat(99),
    "по итогам каждой ".repeat(58),
    "2020 ".repeat(199),
    "2020/".repeat(199),
    "июль, ".repeat(166),
    "июль и ".repeat(142),
    "по пятниц".repeat(110),
    "10 числ".repeat(142),
    "к началу ".repeat(111),
    "ежегодно во II ".repeat(66),
  ];

  it("take little time on hostile text at the length limit", () => {
    for (const input of HOSTILE) {
      for (const ctx of [undefined, { schoolYear: schoolYearStarting(2020) }]) {
        const started = performance.now();
        expectSound(parseTiming(input, ctx), input);
        expect(performance.now() - started, input.slice(0, 20)).toBeLessThan(500);
      }
    }
  });
});
