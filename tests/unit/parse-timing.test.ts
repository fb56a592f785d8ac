import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateCommand } from "@/lib/cli/parse-date-command";
import {
  describeTiming,
  parseTiming,
  TIMING_KINDS,
  type ParsedTiming,
  type Recurrence,
  type TimingContext,
  type TimingKind,
} from "@/lib/domain/plans/parse-timing";
import { parseSchoolYear, schoolYearFromText, schoolYearOf, type SchoolYear } from "@/lib/domain/plans/school-year";

const year = (label: string): SchoolYear => {
  const schoolYear = parseSchoolYear(label);
  if (!schoolYear) throw new Error(`bad school year ${label}`);
  return schoolYear;
};
const SY_2020: TimingContext = { schoolYear: year("2020/2021") };
const SY_2021: TimingContext = { schoolYear: year("2021/2022") };
/** Seed 001: the programme runs September 2013 – August 2015. */
const PROGRAMME_001: TimingContext = { planStart: "2013-09-01", planEnd: "2015-08-31" };

type Row = [text: string, kind: TimingKind, start: string | null, end: string | null];

const dates = (text: string, context?: TimingContext) => {
  const { kind, start, end } = parseTiming(text, context);
  return [kind, start, end];
};

describe("seed 002: «Дата проведения мероприятия» (school year 2020/2021)", () => {
  it.each<Row>([
    ["22 сентября 2020 года", "exact", "2020-09-22", "2020-09-22"],
    ["До 2 ноября 2020 года", "deadline", null, "2020-11-02"],
    ["2 декабря 2020 года", "exact", "2020-12-02", "2020-12-02"],
    ["До 20 октября 2020 года", "deadline", null, "2020-10-20"],
    ["Февраль 2021 года", "month", "2021-02-01", "2021-02-28"],
    ["Январь 2021 года", "month", "2021-01-01", "2021-01-31"],
    ["Март 2021 года", "month", "2021-03-01", "2021-03-31"],
    ["Октябрь 2020 года", "month", "2020-10-01", "2020-10-31"],
    ["Ноябрь 2020 года", "month", "2020-11-01", "2020-11-30"],
    ["Декабрь 2020 года", "month", "2020-12-01", "2020-12-31"],
    ["В течение учебного года", "period", "2020-09-01", "2021-08-31"],
    // the column's instruction row, not a date
    ["Или плановая дата мероприятия", "unknown", null, null],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text, SY_2020)).toEqual([kind, start, end]);
  });

  it("takes the school year from the report's title", () => {
    const title =
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях";
    const schoolYear = schoolYearFromText(title);
    expect(schoolYear).toEqual({ label: "2020/2021", start: "2020-09-01", end: "2021-08-31" });
    expect(dates("В течение учебного года", { schoolYear })).toEqual(["period", "2020-09-01", "2021-08-31"]);
  });
});

describe("seed 001: stages and «Сроки»", () => {
  it.each<Row>([
    // «Сроки и этапы реализации программы»
    ["сентябрь 2013 г. – август 2015 г.", "period", "2013-09-01", "2015-08-31"],
    ["Сентябрь – декабрь 2013 г.", "period", "2013-09-01", "2013-12-31"],
    ["Декабрь 2013 г. – апрель 2015 г.", "period", "2013-12-01", "2015-04-30"],
    ["Май 2015 г. – август 2015 г.", "period", "2015-05-01", "2015-08-31"],
    // stage headers of the task table
    ["(сентябрь – декабрь 2013 г.)", "period", "2013-09-01", "2013-12-31"],
    ["I этап (сентябрь – декабрь 2013 г.)", "period", "2013-09-01", "2013-12-31"],
    ["<p>II этап (январь 2014 г. – апрель 2015 г.)</p>", "period", "2014-01-01", "2015-04-30"],
    ["(январь 2014 г. – апрель 2015 г.)", "period", "2014-01-01", "2015-04-30"],
    ["III этап (май 2015 г. – август 2015 г.)", "period", "2015-05-01", "2015-08-31"],
    ["январь 2014 г. – апрель 2015 г.", "period", "2014-01-01", "2015-04-30"],
    // «Сроки»
    ["до 30 сентября 2013 г.", "deadline", null, "2013-09-30"],
    ["до 29 ноября 2013 г.", "deadline", null, "2013-11-29"],
    ["до 31 октября 2013 г.", "deadline", null, "2013-10-31"],
    ["до 27 декабря 2013 г.", "deadline", null, "2013-12-27"],
    ["<p>до 27 декабря 2013 г.</p>", "deadline", null, "2013-12-27"],
    ["до 30 апреля 2014 г.", "deadline", null, "2014-04-30"],
    ["до 28 августа 2015 г.", "deadline", null, "2015-08-28"],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text, PROGRAMME_001)).toEqual([kind, start, end]);
  });

  it("«2 раза в учебный год» is recurring, not the 2nd of something", () => {
    const stageTwo = { planStart: "2014-01-01", planEnd: "2015-04-30" };
    expect(parseTiming("2 раза в учебный год", stageTwo)).toEqual<ParsedTiming>({
      kind: "recurring",
      start: "2014-01-01",
      end: "2015-04-30",
      text: "2 раза в учебный год",
      recurrence: { frequency: "times-per-school-year", times: 2 },
      // 2013/2014 from January: Jan–Apr, May–Aug; 2014/2015 up to April: Sep–Dec, Jan–Apr
      dueDates: ["2014-04-30", "2014-08-31", "2014-12-31", "2015-04-30"],
    });
    expect(parseTiming("<p>2 раза в учебный год</p>", SY_2020).dueDates).toEqual(["2021-02-28", "2021-08-31"]);
  });
});

type RecurringRow = [text: string, recurrence: Recurrence, dueDates: string[]];

describe("seed 004: «Сроки и периодичность проведения мероприятий» (school year 2020/2021)", () => {
  it.each<RecurringRow>([
    ["Ежегодно август", { frequency: "yearly", months: [8] }, ["2021-08-31"]],
    ["Ежегодно в течение года", { frequency: "yearly", note: "в течение года" }, ["2020-12-31"]],
    ["Ежегодно по итогам года", { frequency: "yearly", note: "по итогам года" }, ["2020-12-31"]],
    ["Ежегодно в течение учебного года", { frequency: "yearly", note: "в течение учебного года" }, ["2021-08-31"]],
    ["Ежегодно", { frequency: "yearly" }, ["2020-12-31"]],
    ["ежегодно", { frequency: "yearly" }, ["2020-12-31"]],
    [
      "Ежемесячно",
      { frequency: "monthly" },
      [
        "2020-09-30",
        "2020-10-31",
        "2020-11-30",
        "2020-12-31",
        "2021-01-31",
        "2021-02-28",
        "2021-03-31",
        "2021-04-30",
        "2021-05-31",
        "2021-06-30",
        "2021-07-31",
        "2021-08-31",
      ],
    ],
    ["Ежегодно сентябрь", { frequency: "yearly", months: [9] }, ["2020-09-30"]],
    ["Ежегодно, сентябрь", { frequency: "yearly", months: [9] }, ["2020-09-30"]],
    [
      "Ежегодно октябрь, в течение года по отдельному графику",
      { frequency: "yearly", months: [10], note: "в течение года по отдельному графику" },
      ["2020-10-31"],
    ],
    ["Ежегодно декабрь", { frequency: "yearly", months: [12] }, ["2020-12-31"]],
    ["Ежегодно январь", { frequency: "yearly", months: [1] }, ["2021-01-31"]],
    ["Ежегодно по итогам учебного года", { frequency: "yearly", note: "по итогам учебного года" }, ["2021-08-31"]],
    ["Ежегодно февраль", { frequency: "yearly", months: [2] }, ["2021-02-28"]],
    // «Ежегодно июнь-» / «сентябрь» split over a page break, joined
    ["Ежегодно июнь- сентябрь", { frequency: "yearly", months: [6, 7, 8, 9] }, ["2020-09-30"]],
    ["Ежегодно июнь-сентябрь", { frequency: "yearly", months: [6, 7, 8, 9] }, ["2020-09-30"]],
    ["Ежегодно январь-сентябрь", { frequency: "yearly", months: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, ["2020-09-30"]],
    ["Ежегодно, 1 раз в полугодие", { frequency: "per-half-year", times: 1 }, ["2020-12-31", "2021-06-30"]],
    [
      "мониторинг проводится 2 раза в год (в начале и в конце учебного года)",
      { frequency: "times-per-year", times: 2, note: "мониторинг проводится в начале и в конце учебного года" },
      ["2021-02-28", "2021-08-31"],
    ],
  ])("%s", (text, recurrence, dueDates) => {
    expect(parseTiming(text, SY_2020)).toEqual<ParsedTiming>({
      kind: "recurring",
      start: "2020-09-01",
      end: "2021-08-31",
      text,
      recurrence,
      dueDates,
    });
  });

  it.each<Row>([
    ["В течение года:", "period", "2020-09-01", "2021-08-31"],
    ["В течение года", "period", "2020-09-01", "2021-08-31"],
    ["В течение учебного года", "period", "2020-09-01", "2021-08-31"],
    // «В течение учебного» / «года» split over a page break, joined
    ["В течение учебного года", "period", "2020-09-01", "2021-08-31"],
    ["2023 год", "period", "2023-01-01", "2023-12-31"],
    // target indicators
    ["до конца 2024 года", "deadline", null, "2024-12-31"],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text, SY_2020)).toEqual([kind, start, end]);
  });
});

describe("exact dates", () => {
  it.each<Row>([
    ["22 сентября 2020 года", "exact", "2020-09-22", "2020-09-22"],
    ["2 декабря 2020 года", "exact", "2020-12-02", "2020-12-02"],
    ["22.09.2020", "exact", "2020-09-22", "2020-09-22"],
    ["22.09.20", "exact", "2020-09-22", "2020-09-22"],
    ["22.09.2020 г.", "exact", "2020-09-22", "2020-09-22"],
    ["«22» сентября 2020 г.", "exact", "2020-09-22", "2020-09-22"],
    ["22 сентября 2020", "exact", "2020-09-22", "2020-09-22"],
    ["22 СЕНТЯБРЯ 2020 ГОДА", "exact", "2020-09-22", "2020-09-22"],
    ["  22   сентября\n2020 года. ", "exact", "2020-09-22", "2020-09-22"],
    ["Срок: 22.09.2020", "exact", "2020-09-22", "2020-09-22"],
    ["29.02.2024", "exact", "2024-02-29", "2024-02-29"],
    ["29 февраля 2024 г.", "exact", "2024-02-29", "2024-02-29"],
    ["1 мая 2021 года", "exact", "2021-05-01", "2021-05-01"],
    ["31.02.2021", "unknown", null, null],
    ["29 февраля 2021 года", "unknown", null, null],
    ["32.01.2021", "unknown", null, null],
    ["13.13.2020", "unknown", null, null],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text)).toEqual([kind, start, end]);
  });

  it("a yearless date takes its year from the school year, or stays unknown", () => {
    expect(dates("22 сентября", SY_2020)).toEqual(["exact", "2020-09-22", "2020-09-22"]);
    expect(dates("22 января", SY_2020)).toEqual(["exact", "2021-01-22", "2021-01-22"]);
    expect(dates("22 сентября")).toEqual(["unknown", null, null]);
  });
});

describe("ranges", () => {
  it.each<Row>([
    ["1-2 марта 2022 года", "range", "2022-03-01", "2022-03-02"],
    ["1–2 марта 2022 г.", "range", "2022-03-01", "2022-03-02"],
    ["1 — 2 марта 2022 г.", "range", "2022-03-01", "2022-03-02"],
    ["30 ноября – 2 декабря 2020 года", "range", "2020-11-30", "2020-12-02"],
    ["30 декабря – 2 января 2021 года", "range", "2020-12-30", "2021-01-02"],
    ["с 1 по 5 марта 2021 года", "range", "2021-03-01", "2021-03-05"],
    ["с 30 ноября по 2 декабря 2020 г.", "range", "2020-11-30", "2020-12-02"],
    ["01.03.2022-05.03.2022", "range", "2022-03-01", "2022-03-05"],
    ["30.11.2020 – 02.12.2020", "range", "2020-11-30", "2020-12-02"],
    ["5-2 марта 2021 года", "unknown", null, null],
    ["30-31 февраля 2021 года", "unknown", null, null],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text)).toEqual([kind, start, end]);
  });

  it("«1-2 марта» in the school year 2021/2022 is March 2022", () => {
    expect(dates("1-2 марта", SY_2021)).toEqual(["range", "2022-03-01", "2022-03-02"]);
    expect(dates("1-2 марта")).toEqual(["unknown", null, null]);
  });
});

describe("months and years", () => {
  it.each<Row>([
    ["Октябрь 2020 года", "month", "2020-10-01", "2020-10-31"],
    ["Январь 2021 г.", "month", "2021-01-01", "2021-01-31"],
    ["октябрь 2020", "month", "2020-10-01", "2020-10-31"],
    ["в октябре 2020 года", "month", "2020-10-01", "2020-10-31"],
    ["в мае 2021 г", "month", "2021-05-01", "2021-05-31"],
    ["Февраль 2024", "month", "2024-02-01", "2024-02-29"],
    ["Февраль 2023", "month", "2023-02-01", "2023-02-28"],
    ["Февраль 2000 г.", "month", "2000-02-01", "2000-02-29"],
    ["Февраль 2100 г.", "month", "2100-02-01", "2100-02-28"],
    ["2023 год", "period", "2023-01-01", "2023-12-31"],
    ["в 2023 году", "period", "2023-01-01", "2023-12-31"],
    ["в течение 2021 года", "period", "2021-01-01", "2021-12-31"],
    ["2013-2015 гг.", "period", "2013-01-01", "2015-12-31"],
    ["2020-2021 учебный год", "period", "2020-09-01", "2021-08-31"],
    ["в 2020/2021 учебном году", "period", "2020-09-01", "2021-08-31"],
    ["2020/2022", "unknown", null, null],
  ])("%s", (text, kind, start, end) => {
    expect(dates(text)).toEqual([kind, start, end]);
  });

  it("a yearless month takes its year from the school year, else from the plan range", () => {
    expect(dates("ноябрь", SY_2020)).toEqual(["month", "2020-11-01", "2020-11-30"]);
    expect(dates("в марте", SY_2020)).toEqual(["month", "2021-03-01", "2021-03-31"]);
    expect(dates("ноябрь", { planStart: "2021-01-01", planEnd: "2021-12-31" })).toEqual(["month", "2021-11-01", "2021-11-30"]);
    expect(dates("февраль", { planStart: "2023-09-01", planEnd: "2024-08-31" })).toEqual(["month", "2024-02-01", "2024-02-29"]);
    expect(dates("сентябрь")).toEqual(["unknown", null, null]);
  });
});

describe("deadlines", () => {
  it.each<[string, TimingContext | undefined, string | null]>([
    ["До 2 ноября 2020 года", undefined, "2020-11-02"],
    ["до 30 сентября 2013 г.", undefined, "2013-09-30"],
    ["не позднее 1 марта 2021 г.", undefined, "2021-03-01"],
    ["Не позднее 01.03.2021", undefined, "2021-03-01"],
    ["до 1 марта 2021 г. включительно", undefined, "2021-03-01"],
    ["к 1 сентября 2021 г.", undefined, "2021-09-01"],
    ["до конца 2024 года", undefined, "2024-12-31"],
    ["до 2024 года", undefined, "2024-12-31"],
    ["до конца года", SY_2020, "2021-08-31"],
    ["до конца февраля 2024 г.", undefined, "2024-02-29"],
    ["до 30.04.2014", undefined, "2014-04-30"],
    ["до 1 декабря", SY_2020, "2020-12-01"],
    ["до 1 марта", SY_2020, "2021-03-01"],
    ["до 1 декабря", PROGRAMME_001, "2013-12-01"],
    ["до конца учебного года", SY_2020, "2021-08-31"],
    ["до конца учебного года", undefined, null],
    ["по итогам учебного года", SY_2020, "2021-08-31"],
    // «до декабря»: before December starts
    ["до декабря 2020 года", undefined, "2020-11-30"],
  ])("%s", (text, context, end) => {
    expect(dates(text, context)).toEqual(["deadline", null, end]);
  });

  it.each(["до 1 декабря", "до 31.02.2021", "до 1-2 марта 2021"])("%s without a usable date is unknown", (text) => {
    expect(dates(text)).toEqual(["unknown", null, null]);
  });
});

describe("periods", () => {
  it.each<[string, TimingContext | undefined, string | null, string | null]>([
    ["В течение учебного года", SY_2020, "2020-09-01", "2021-08-31"],
    ["В течение учебного года", undefined, null, null],
    ["в течение года", SY_2020, "2020-09-01", "2021-08-31"],
    ["в течение года", undefined, null, null],
    ["В ТЕЧЕНИЕ УЧЕБНОГО ГОДА", SY_2020, "2020-09-01", "2021-08-31"],
    ["в течении учебного года", SY_2020, "2020-09-01", "2021-08-31"],
    ["В течение учебного года", PROGRAMME_001, "2013-09-01", "2015-08-31"],
    ["постоянно", SY_2020, "2020-09-01", "2021-08-31"],
    ["сентябрь – декабрь 2013 г.", undefined, "2013-09-01", "2013-12-31"],
    ["сентябрь—декабрь 2013 г.", undefined, "2013-09-01", "2013-12-31"],
    ["сентябрь - декабрь 2013 г.", undefined, "2013-09-01", "2013-12-31"],
    ["с сентября по декабрь 2013 года", undefined, "2013-09-01", "2013-12-31"],
    ["декабрь – январь 2021", undefined, "2020-12-01", "2021-01-31"],
    ["декабрь 2020 – январь 2021", undefined, "2020-12-01", "2021-01-31"],
    ["сентябрь-май", SY_2020, "2020-09-01", "2021-05-31"],
    // the months straddle August: the range starts in the school year
    ["июнь-сентябрь", SY_2020, "2021-06-01", "2021-09-30"],
    ["январь-апрель", SY_2020, "2021-01-01", "2021-04-30"],
  ])("%s", (text, context, start, end) => {
    expect(dates(text, context)).toEqual(["period", start, end]);
  });

  it("a yearless month range without context is unknown", () => {
    expect(dates("июнь-сентябрь")).toEqual(["unknown", null, null]);
  });
});

describe("recurring", () => {
  it.each<[string, TimingContext | undefined, Recurrence, string[]]>([
    ["Ежеквартально", SY_2020, { frequency: "quarterly" }, ["2020-09-30", "2020-12-31", "2021-03-31", "2021-06-30"]],
    [
      "1 раз в месяц",
      { planStart: "2021-01-15", planEnd: "2021-04-10" },
      { frequency: "monthly", times: 1 },
      ["2021-01-31", "2021-02-28", "2021-03-31"],
    ],
    ["2 раза в учебный год", SY_2020, { frequency: "times-per-school-year", times: 2 }, ["2021-02-28", "2021-08-31"]],
    ["3 раза в учебный год", SY_2020, { frequency: "times-per-school-year", times: 3 }, ["2020-12-31", "2021-04-30", "2021-08-31"]],
    ["2 раза в год", SY_2020, { frequency: "times-per-year", times: 2 }, ["2021-02-28", "2021-08-31"]],
    [
      "дважды в год",
      { planStart: "2023-01-01", planEnd: "2023-12-31" },
      { frequency: "times-per-year", times: 2 },
      ["2023-06-30", "2023-12-31"],
    ],
    ["Ежегодно август", PROGRAMME_001, { frequency: "yearly", months: [8] }, ["2014-08-31", "2015-08-31"]],
    ["Ежегодно июнь-сентябрь", PROGRAMME_001, { frequency: "yearly", months: [6, 7, 8, 9] }, ["2013-09-30", "2014-09-30"]],
    ["Ежегодно", PROGRAMME_001, { frequency: "yearly" }, ["2013-12-31", "2014-12-31"]],
    [
      "Ежегодно по итогам учебного года",
      PROGRAMME_001,
      { frequency: "yearly", note: "по итогам учебного года" },
      ["2014-08-31", "2015-08-31"],
    ],
    // no 31 December inside the range: its end
    [
      "Ежегодно по итогам года",
      { planStart: "2021-01-01", planEnd: "2021-08-31" },
      { frequency: "yearly", note: "по итогам года" },
      ["2021-08-31"],
    ],
    ["Ежегодно март, октябрь", SY_2020, { frequency: "yearly", months: [3, 10] }, ["2020-10-31", "2021-03-31"]],
    ["Ежегодно сентябрь-май", SY_2020, { frequency: "yearly", months: [9, 10, 11, 12, 1, 2, 3, 4, 5] }, ["2021-05-31"]],
    ["ежегодно до 1 декабря", SY_2020, { frequency: "yearly", months: [12], note: "до 1 декабря" }, ["2020-12-01"]],
    [
      "Ежегодно, 1 раз в полугодие",
      { planStart: "2021-01-01", planEnd: "2021-05-31" },
      { frequency: "per-half-year", times: 1 },
      ["2021-05-31"],
    ],
  ])("%s", (text, context, recurrence, dueDates) => {
    const parsed = parseTiming(text, context);
    expect(parsed.kind).toBe("recurring");
    expect(parsed.recurrence).toEqual(recurrence);
    expect(parsed.dueDates).toEqual(dueDates);
  });

  // Issue 17 changed weekly due dates from the last day of each 7-day run counted from the range start
  // (Mondays in 2020/2021) to the last day of each calendar week, its Sunday.
  it("weekly: the last day of each calendar week, its Sunday", () => {
    const parsed = parseTiming("еженедельно", SY_2020);
    expect(parsed.recurrence).toEqual({ frequency: "weekly" });
    expect(parsed.dueDates?.slice(0, 3)).toEqual(["2020-09-06", "2020-09-13", "2020-09-20"]);
    expect(parsed.dueDates).toHaveLength(52);
    expect(parsed.dueDates?.at(-1)).toBe("2021-08-29");
    expect(parseTiming("раз в неделю", { planStart: "2013-09-01", planEnd: "2015-08-31" }).dueDates).toHaveLength(60);
  });

  it("a plan range narrower than the school year wins", () => {
    const parsed = parseTiming("Ежегодно", { ...SY_2020, planStart: "2021-01-01" });
    expect([parsed.start, parsed.end, parsed.dueDates]).toEqual(["2021-01-01", "2021-08-31", ["2021-08-31"]]);
  });

  it.each(["Ежегодно август", "Ежегодно", "2 раза в учебный год", "Ежемесячно", "ежеквартально", "еженедельно"])(
    "%s without a range: no dates",
    (text) => {
      const parsed = parseTiming(text);
      expect([parsed.kind, parsed.start, parsed.end, parsed.dueDates]).toEqual(["recurring", null, null, []]);
    },
  );

  it("ignores an invalid context", () => {
    const parsed = parseTiming("Ежегодно", { schoolYear: { label: "x", start: "bad", end: "2021" }, planStart: "2021-02-30" });
    expect([parsed.kind, parsed.start, parsed.end, parsed.dueDates]).toEqual(["recurring", null, null, []]);
  });
});

describe("garbage and edge cases", () => {
  it.each([
    "по согласованию",
    "",
    "   ",
    "1",
    "№ 5",
    "0000",
    "образ в год",
    "22 сентября 2020 года, 23 сентября 2020 года",
    "в течение учебного",
    "какой-то текст",
  ])("%j is unknown", (text) => {
    expect(parseTiming(text, SY_2020)).toEqual({ kind: "unknown", start: null, end: null, text: text.replace(/\s+/g, " ").trim() });
  });

  it("keeps the original text, trimmed, whitespace squeezed", () => {
    expect(parseTiming("  В течение\n учебного   года  ", SY_2020).text).toBe("В течение учебного года");
    expect(parseTiming("ежегодно").text).toBe("ежегодно");
  });

  it("reads «ё»", () => {
    expect(dates("в течёние учебного года", SY_2020)).toEqual(["period", "2020-09-01", "2021-08-31"]);
  });

  it("never throws, and its dates are ordered", () => {
    const pieces = fc.constantFrom(
      "ежегодно",
      "до",
      "с",
      "по",
      "в течение",
      "учебного",
      "года",
      "г.",
      "-",
      "–",
      "—",
      ",",
      ":",
      "(",
      ")",
      "«",
      "»",
      "1",
      "2",
      "22",
      "31",
      "29",
      "2020",
      "2021",
      "2024",
      "20",
      "22.09.2020",
      "31.02.2021",
      "01.03.2022",
      "сентября",
      "сентябрь",
      "февраля",
      "март",
      "мая",
      "раза в",
      "раз в",
      "год",
      "месяц",
      "полугодие",
      "учебный год",
      "конца",
      "I этап",
    );
    const contexts = fc.constantFrom<TimingContext | undefined>(
      undefined,
      SY_2020,
      PROGRAMME_001,
      { planStart: "2021-01-01" },
      { planEnd: "2021-05-31" },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 7 }).map((p) => p.join(" ")),
        ),
        contexts,
        (text, context) => {
          const parsed = parseTiming(text, context);
          expect(TIMING_KINDS).toContain(parsed.kind);
          expect(parsed.text).toBe(text.replace(/\s+/g, " ").trim());
          if (parsed.start && parsed.end) expect(parsed.start <= parsed.end).toBe(true);
          if (parsed.kind === "unknown") expect([parsed.start, parsed.end]).toEqual([null, null]);
          for (const due of parsed.dueDates ?? []) expect(due >= parsed.start! && due <= parsed.end!).toBe(true);
          expect(typeof describeTiming(parsed)).toBe("string");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("tolerates a non-string at runtime", () => {
    expect(parseTiming(null as unknown as string)).toEqual({ kind: "unknown", start: null, end: null, text: "" });
  });
});

describe("describeTiming", () => {
  it.each<[string, TimingContext | undefined, string]>([
    ["22 сентября 2020 года", undefined, "точная дата: 22.09.2020"],
    ["До 2 ноября 2020 года", undefined, "до 02.11.2020"],
    ["1-2 марта 2022 года", undefined, "даты: 01.03.2022 – 02.03.2022"],
    ["Октябрь 2020 года", undefined, "месяц: октябрь 2020"],
    ["В течение учебного года", SY_2020, "период: 01.09.2020 – 31.08.2021"],
    ["В течение учебного года", undefined, "период без дат — укажите учебный год"],
    ["до конца учебного года", undefined, "срок без даты — укажите учебный год"],
    ["Ежегодно август", { planStart: "2018-09-01", planEnd: "2021-08-31" }, "ежегодно: август (3 срока)"],
    ["Ежегодно июнь-сентябрь", SY_2020, "ежегодно: июнь – сентябрь (1 срок)"],
    ["Ежегодно октябрь, в течение года по отдельному графику", SY_2020, "ежегодно: октябрь, в течение года по отдельному графику (1 срок)"],
    ["Ежемесячно", SY_2020, "ежемесячно (12 сроков)"],
    ["2 раза в учебный год", SY_2020, "2 раза в учебный год (2 срока)"],
    ["Ежегодно, 1 раз в полугодие", SY_2020, "1 раз в полугодие (2 срока)"],
    ["Ежегодно", undefined, "ежегодно (сроки не рассчитаны — нет периода плана)"],
    ["по согласованию", undefined, "не распознано — сохранено как текст"],
  ])("%s", (text, context, description) => {
    expect(describeTiming(parseTiming(text, context))).toBe(description);
  });
});

describe("school years", () => {
  const Y2020 = { label: "2020/2021", start: "2020-09-01", end: "2021-08-31" };

  it.each([
    "2020/2021",
    "2020-2021",
    "2020–2021",
    "2020/21",
    "2020-2021 учебный год",
    "на 2020-2021 учебный год",
    " 2020 / 2021 ",
    "в 2020/2021 уч. г.",
  ])("parseSchoolYear(%j)", (text) => {
    expect(parseSchoolYear(text)).toEqual(Y2020);
  });

  it.each(["2020/2022", "2020/20", "2021/2020", "20/21", "2020", "учебный год", "", "2020/2021/2022"])(
    "parseSchoolYear(%j) is null",
    (text) => {
      expect(parseSchoolYear(text)).toBeNull();
    },
  );

  it("handles the century", () => {
    expect(parseSchoolYear("2099/00")).toEqual({ label: "2099/2100", start: "2099-09-01", end: "2100-08-31" });
  });

  it.each([
    ["2020-09-01", "2020/2021"],
    ["2020-12-31", "2020/2021"],
    ["2021-01-15", "2020/2021"],
    ["2021-08-31", "2020/2021"],
    ["2021-09-01", "2021/2022"],
  ])("schoolYearOf(%s) is %s", (iso, label) => {
    expect(schoolYearOf(iso).label).toBe(label);
  });

  it.each<[string, string | null]>([
    ["Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год по сопровождению школам", "2020/2021"],
    ['Совещание "О результатах ВПР в 2020/2021 учебном году"', "2020/2021"],
    ["План работы на 2021/2022", "2021/2022"],
    ["План на 2013–2014 уч. год", "2013/2014"],
    ["Письмо от 27.04.2021 №3121/30", null],
    ["результаты ВПР за 2019 и 2020 годы", null],
    ["программа на 2013-2015 годы", null],
    ["2019-2021 учебный год, затем 2020/2021", "2020/2021"],
  ])("schoolYearFromText(%j)", (text, label) => {
    expect(schoolYearFromText(text)?.label ?? null).toBe(label);
  });
});

describe("parse-date command", () => {
  it("prints kind, start, end and text", async () => {
    expect(await parseDateCommand(["В течение учебного года", "--school-year", "2020/2021"])).toEqual({
      kind: "period",
      start: "2020-09-01",
      end: "2021-08-31",
      text: "В течение учебного года",
    });
    expect(await parseDateCommand(["22", "сентября", "2020", "года"])).toEqual({
      kind: "exact",
      start: "2020-09-22",
      end: "2020-09-22",
      text: "22 сентября 2020 года",
    });
  });

  it("adds due dates and recurrence for recurring timings", async () => {
    expect(await parseDateCommand(["Ежегодно август", "--from", "2013-09-01", "--to", "2015-08-31"])).toEqual({
      kind: "recurring",
      start: "2013-09-01",
      end: "2015-08-31",
      text: "Ежегодно август",
      dueDates: ["2014-08-31", "2015-08-31"],
      recurrence: { frequency: "yearly", months: [8] },
    });
    expect(await parseDateCommand(["2 раза в учебный год", "--school-year", "2020-2021"])).toMatchObject({
      dueDates: ["2021-02-28", "2021-08-31"],
    });
  });

  it("unknown text is not an error", async () => {
    expect(await parseDateCommand(["по согласованию"])).toEqual({ kind: "unknown", start: null, end: null, text: "по согласованию" });
  });

  it.each<[string[], string]>([
    [["В течение учебного года", "--school-year", "2020/2022"], "Учебный год пишется как 2020/2021."],
    [["В течение учебного года", "--school-year", "прошлый"], "Учебный год пишется как 2020/2021."],
    [["Ежегодно", "--from", "2020-02-30", "--to", "2021-08-31"], "Дата --from пишется как 2020-09-01."],
    [["Ежегодно", "--from", "2020-09-01"], "Даты --from и --to указываются вместе."],
    [["Ежегодно", "--from", "2021-09-01", "--to", "2021-08-31"], "Дата --from позже даты --to."],
  ])("refuses %j", async (args, message) => {
    await expect(parseDateCommand(args)).rejects.toMatchObject({ code: "VALIDATION", message });
  });

  it("needs a text and known options", async () => {
    await expect(parseDateCommand([])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(parseDateCommand(["Ежегодно", "--year", "2020"])).rejects.toThrow();
  });
});
