import { describe, expect, it } from "vitest";
import { describeStoredTiming } from "@/components/plans/stored-timing";
import { parseDateCommand } from "@/lib/cli/parse-date-command";
import { readEventTiming } from "@/lib/domain/plans/event-timing";
import { isOverdue, missedDueDates } from "@/lib/domain/plans/overdue";
import {
  describeTiming,
  parseTiming,
  type Recurrence,
  type TimingContext,
  type TimingKind,
  type YearPart,
} from "@/lib/domain/plans/parse-timing";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";

/** Issue 17, point 5: the timing phrases plans write that were unknown or misread. */

const SY_2020: TimingContext = { schoolYear: parseSchoolYear("2020/2021") };
/** Seed 001: the programme runs September 2013 – August 2015. */
const PROGRAMME_001: TimingContext = { planStart: "2013-09-01", planEnd: "2015-08-31" };
/** A plan for the calendar year 2021. */
const CALENDAR_2021: TimingContext = { planStart: "2021-01-01", planEnd: "2021-12-31" };

const read = (text: string, context?: TimingContext) => {
  const { kind, start, end } = parseTiming(text, context);
  return [kind, start, end];
};

type Row = [text: string, start: string, end: string];

describe("calendar quarters", () => {
  it.each([
    "II квартал 2022 г.",
    "2 квартал 2022 года",
    "во II квартале 2022 г.",
    "II кв. 2022",
    "в течение второго квартала 2022 года",
    "2-й квартал 2022",
    "II КВАРТАЛ 2022 Г.",
    "за II квартал 2022 г.",
  ])("%s is April–June 2022, whatever the context", (text) => {
    for (const context of [undefined, SY_2020, PROGRAMME_001]) {
      expect(parseTiming(text, context)).toMatchObject({
        kind: "period",
        start: "2022-04-01",
        end: "2022-06-30",
        part: { unit: "quarter", from: 2, to: 2 },
      });
    }
  });

  it.each<Row>([
    ["в I квартале", "2021-01-01", "2021-03-31"],
    ["I кв.", "2021-01-01", "2021-03-31"],
    ["в первом квартале", "2021-01-01", "2021-03-31"],
    ["1 квартал", "2021-01-01", "2021-03-31"],
    ["IV квартал", "2020-10-01", "2020-12-31"],
    // July–September straddles the school year's end: it starts inside it, as «июль-сентябрь» does
    ["в III квартале", "2021-07-01", "2021-09-30"],
    ["I квартал 2020/2021 учебного года", "2021-01-01", "2021-03-31"],
  ])("%s in the school year 2020/2021", (text, start, end) => {
    expect(read(text, SY_2020)).toEqual(["period", start, end]);
  });

  it.each<[string, TimingContext, string, string]>([
    ["в IV квартале", PROGRAMME_001, "2013-10-01", "2013-12-31"],
    ["в I квартале", PROGRAMME_001, "2014-01-01", "2014-03-31"],
    ["в I квартале", { planStart: "2021-02-15" }, "2021-01-01", "2021-03-31"],
    ["в IV квартале", { planEnd: "2021-05-31" }, "2020-10-01", "2020-12-31"],
  ])("%s takes the first quarter that ends inside the plan range", (text, context, start, end) => {
    expect(read(text, context)).toEqual(["period", start, end]);
  });

  it.each<Row>([
    ["I – II кварталы 2022 года", "2022-01-01", "2022-06-30"],
    ["I-II квартал 2022 г.", "2022-01-01", "2022-06-30"],
    ["1-2 квартал 2022", "2022-01-01", "2022-06-30"],
    ["II и III кварталы 2022 г.", "2022-04-01", "2022-09-30"],
    ["IV квартал 2021 г. – I квартал 2022 г.", "2021-10-01", "2022-03-31"],
  ])("a run of quarters: %s", (text, start, end) => {
    expect(read(text)).toEqual(["period", start, end]);
  });

  it.each([
    "в I квартале",
    "II квартал",
    "V квартал 2022",
    "III-I квартал 2022",
    "II квартал 2022/2024",
    "IV квартал 2022 г. – I квартал 2022 г.",
  ])("%s without a year to take, or out of order, is unknown", (text) => {
    expect(read(text)).toEqual(["unknown", null, null]);
  });
});

describe("half-years", () => {
  it.each<Row>([
    ["2 полугодие 2022 года", "2022-07-01", "2022-12-31"],
    ["II полугодие 2022 г.", "2022-07-01", "2022-12-31"],
    ["во втором полугодии 2022 года", "2022-07-01", "2022-12-31"],
    ["2-е полугодие 2022", "2022-07-01", "2022-12-31"],
    ["в течение II полугодия 2022 г.", "2022-07-01", "2022-12-31"],
    ["I полугодие 2022 г.", "2022-01-01", "2022-06-30"],
    ["1 полугодие 2022 года", "2022-01-01", "2022-06-30"],
  ])("with a calendar year, a calendar half-year: %s", (text, start, end) => {
    // the year written wins over a school year in the context
    for (const context of [undefined, SY_2020]) {
      expect(parseTiming(text, context)).toMatchObject({ kind: "period", start, end, part: { unit: "half-year" } });
    }
  });

  it.each<Row>([
    ["во втором полугодии", "2021-01-01", "2021-05-31"],
    ["2 полугодие", "2021-01-01", "2021-05-31"],
    ["II полугодие", "2021-01-01", "2021-05-31"],
    ["второе полугодие", "2021-01-01", "2021-05-31"],
    ["в течение 2-го полугодия", "2021-01-01", "2021-05-31"],
    ["1-е полугодие", "2020-09-01", "2020-12-31"],
    ["первое полугодие", "2020-09-01", "2020-12-31"],
    ["в I полугодии", "2020-09-01", "2020-12-31"],
    ["I полугодие учебного года", "2020-09-01", "2020-12-31"],
  ])("without a year, in a school year, a school half-year: %s", (text, start, end) => {
    expect(parseTiming(text, SY_2020)).toMatchObject({ kind: "period", start, end, part: { unit: "school-half-year" } });
  });

  it.each<Row>([
    ["в течение I полугодия 2021/2022 уч. года", "2021-09-01", "2021-12-31"],
    ["I полугодие 2021-2022 учебного года", "2021-09-01", "2021-12-31"],
    ["1 полугодие 2021/22 уч. г.", "2021-09-01", "2021-12-31"],
    ["II полугодие 2021/2022 учебного года", "2022-01-01", "2022-05-31"],
    ["во втором полугодии 2021-2022 уч. года", "2022-01-01", "2022-05-31"],
  ])("with a school year, a school half-year: %s", (text, start, end) => {
    expect(parseTiming(text)).toMatchObject({ kind: "period", start, end, part: { unit: "school-half-year" } });
  });

  it("without a year, a plan from 1 September counts in school years, a calendar plan in calendar ones", () => {
    expect(read("во втором полугодии", PROGRAMME_001)).toEqual(["period", "2014-01-01", "2014-05-31"]);
    expect(read("в I полугодии", PROGRAMME_001)).toEqual(["period", "2013-09-01", "2013-12-31"]);
    expect(read("во втором полугодии", CALENDAR_2021)).toEqual(["period", "2021-07-01", "2021-12-31"]);
    expect(read("в I полугодии", CALENDAR_2021)).toEqual(["period", "2021-01-01", "2021-06-30"]);
    expect(read("во втором полугодии")).toEqual(["unknown", null, null]);
    expect(read("III полугодие 2022 г.")).toEqual(["unknown", null, null]);
  });
});

describe("«в течение I полугодия»", () => {
  it.each([
    "в течение I полугодия",
    "В течение 1 полугодия",
    "в течение первого полугодия",
    "в течении I полугодия",
    "на протяжении I полугодия",
    "В ТЕЧЕНИЕ I ПОЛУГОДИЯ.",
  ])("%s is September–December of the school year", (text) => {
    expect(read(text, SY_2020)).toEqual(["period", "2020-09-01", "2020-12-31"]);
  });
});

describe("school quarters («четверти»)", () => {
  it.each<Row>([
    ["I четверть", "2020-09-01", "2020-10-31"],
    ["в I четверти", "2020-09-01", "2020-10-31"],
    ["первая четверть", "2020-09-01", "2020-10-31"],
    ["в течение 1 четверти", "2020-09-01", "2020-10-31"],
    ["1-я четверть", "2020-09-01", "2020-10-31"],
    ["во II четверти", "2020-11-01", "2020-12-31"],
    ["III четверть", "2021-01-01", "2021-03-31"],
    ["в четвертой четверти", "2021-04-01", "2021-05-31"],
    ["II-III четверти", "2020-11-01", "2021-03-31"],
  ])("%s in the school year 2020/2021", (text, start, end) => {
    expect(parseTiming(text, SY_2020)).toMatchObject({ kind: "period", start, end, part: { unit: "school-quarter" } });
  });

  it.each<Row>([
    ["III четверть 2021/2022 уч. года", "2022-01-01", "2022-03-31"],
    ["I четверть 2021 г.", "2021-09-01", "2021-10-31"],
    ["III четверть 2022 года", "2022-01-01", "2022-03-31"],
  ])("%s takes the year written", (text, start, end) => {
    expect(read(text)).toEqual(["period", start, end]);
  });
});

describe("month ranges across the new year or the school year's end", () => {
  it.each(["июль–август", "Июль - август", "июль—август", "с июля по август", "в июле–августе", "июль, август", "в июле и августе"])(
    "%s in 2020/2021 is the summer that ends the school year",
    (text) => {
      expect(read(text, SY_2020)).toEqual(["period", "2021-07-01", "2021-08-31"]);
    },
  );

  it.each(["декабрь – январь", "Декабрь-январь", "с декабря по январь", "декабрь, январь", "в декабре – январе"])(
    "%s in 2020/2021 runs from December 2020 into January 2021",
    (text) => {
      expect(read(text, SY_2020)).toEqual(["period", "2020-12-01", "2021-01-31"]);
    },
  );

  it.each<[string, TimingContext | undefined, string, string]>([
    ["сентябрь – май", SY_2020, "2020-09-01", "2021-05-31"],
    ["ноябрь – март", SY_2020, "2020-11-01", "2021-03-31"],
    ["август – сентябрь", SY_2020, "2021-08-01", "2021-09-30"],
    ["сентябрь – май 2020/2021 учебного года", undefined, "2020-09-01", "2021-05-31"],
    ["декабрь – январь 2021/2022 уч. года", SY_2020, "2021-12-01", "2022-01-31"],
    ["в течение 2021/2022 учебного года", SY_2020, "2021-09-01", "2022-08-31"],
    ["декабрь – январь", CALENDAR_2021, "2021-12-01", "2022-01-31"],
    ["июль–август", { planStart: "2020-09-01", planEnd: "2021-08-31" }, "2021-07-01", "2021-08-31"],
  ])("%s", (text, context, start, end) => {
    expect(read(text, context)).toEqual(["period", start, end]);
  });

  it("a month with a school year after it is that school year's month", () => {
    expect(read("ноябрь 2020/2021 уч. г.")).toEqual(["month", "2020-11-01", "2020-11-30"]);
    expect(read("в марте 2020/2021 учебного года")).toEqual(["month", "2021-03-01", "2021-03-31"]);
  });

  it.each(["июль–август", "декабрь – январь", "март, октябрь", "июль, сентябрь"])(
    "%s without a year, or months that do not follow each other, is unknown",
    (text) => {
      expect(read(text, text.includes(",") ? SY_2020 : undefined)).toEqual(["unknown", null, null]);
    },
  );
});

describe("deadlines: «к началу учебного года» and the end of a part", () => {
  it.each([
    "к началу учебного года",
    "К началу учебного года",
    "до начала учебного года",
    "к началу нового учебного года",
    "перед началом учебного года",
    "к новому учебному году",
    "к началу уч. года",
  ])("%s is due on the eve of the next school year: the plan's school year's last day", (text) => {
    expect(read(text, SY_2020)).toEqual(["deadline", null, "2021-08-31"]);
    expect(read(text, PROGRAMME_001)).toEqual(["deadline", null, "2014-08-31"]);
    expect(read(text)).toEqual(["deadline", null, null]);
  });

  it.each<[string, TimingContext | undefined, string]>([
    ["к началу 2021/2022 учебного года", undefined, "2021-08-31"],
    ["к началу II полугодия", SY_2020, "2020-12-31"],
    ["до начала III четверти", SY_2020, "2020-12-31"],
    ["по итогам I полугодия", SY_2020, "2020-12-31"],
    ["По итогам I четверти", SY_2020, "2020-10-31"],
    ["по окончании III четверти", SY_2020, "2021-03-31"],
    ["к концу II полугодия", SY_2020, "2021-05-31"],
    ["до конца I квартала 2022 г.", undefined, "2022-03-31"],
    ["до II квартала 2022 г.", undefined, "2022-03-31"],
    ["по итогам 2021 года", undefined, "2021-12-31"],
    ["в конце учебного года", SY_2020, "2021-08-31"],
    ["в конце сентября", SY_2020, "2020-09-30"],
    ["до конца 2020/2021 учебного года", undefined, "2021-08-31"],
  ])("%s", (text, context, end) => {
    expect(read(text, context)).toEqual(["deadline", null, end]);
  });

  it.each(["к началу года", "по итогам мониторинга", "к началу четверти"])("%s says no date: unknown", (text) => {
    expect(read(text, SY_2020)).toEqual(["unknown", null, null]);
  });
});

type RecurringRow = [text: string, recurrence: Recurrence, dueDates: string[]];

const TENTHS_2020 = [
  "2020-09-10",
  "2020-10-10",
  "2020-11-10",
  "2020-12-10",
  "2021-01-10",
  "2021-02-10",
  "2021-03-10",
  "2021-04-10",
  "2021-05-10",
  "2021-06-10",
  "2021-07-10",
  "2021-08-10",
];

describe("«ежемесячно до 10 числа»: due on that day of each month", () => {
  it.each<RecurringRow>([
    ["ежемесячно до 10 числа", { frequency: "monthly", day: 10, note: "до 10 числа" }, TENTHS_2020],
    ["Ежемесячно, до 10-го числа", { frequency: "monthly", day: 10, note: "до 10-го числа" }, TENTHS_2020],
    ["до 10 числа каждого месяца", { frequency: "monthly", day: 10, note: "до 10 числа" }, TENTHS_2020],
    ["ежемесячно не позднее 10 числа", { frequency: "monthly", day: 10, note: "не позднее 10 числа" }, TENTHS_2020],
    ["1 раз в месяц до 10 числа", { frequency: "monthly", times: 1, day: 10, note: "до 10 числа" }, TENTHS_2020],
    [
      "ежемесячно (до 10 числа месяца, следующего за отчетным)",
      { frequency: "monthly", day: 10, note: "до 10 числа месяца, следующего за отчетным" },
      TENTHS_2020,
    ],
  ])("%s", (text, recurrence, dueDates) => {
    expect(parseTiming(text, SY_2020)).toEqual({ kind: "recurring", start: "2020-09-01", end: "2021-08-31", text, recurrence, dueDates });
  });

  it("a day a month lacks falls on its last day", () => {
    expect(parseTiming("ежемесячно до 30 числа", { planStart: "2021-01-01", planEnd: "2021-03-31" }).dueDates).toEqual([
      "2021-01-30",
      "2021-02-28",
      "2021-03-30",
    ]);
  });

  it("quarterly with a day: that day of the month after each quarter", () => {
    const parsed = parseTiming("ежеквартально до 10 числа", SY_2020);
    expect(parsed.recurrence).toEqual({ frequency: "quarterly", day: 10, note: "до 10 числа" });
    expect(parsed.dueDates).toEqual(["2020-10-10", "2021-01-10", "2021-04-10", "2021-07-10"]);
  });

  it("without a day, still each month's last day", () => {
    expect(parseTiming("Ежемесячно", SY_2020).dueDates?.slice(0, 2)).toEqual(["2020-09-30", "2020-10-31"]);
  });
});

describe("«еженедельно»", () => {
  const SUNDAYS = ["2020-09-06", "2020-09-13", "2020-09-20"];
  const FRIDAYS = ["2020-09-04", "2020-09-11", "2020-09-18"];

  it.each<[string, Recurrence, string[]]>([
    ["еженедельно", { frequency: "weekly" }, SUNDAYS],
    ["Еженедельно", { frequency: "weekly" }, SUNDAYS],
    ["каждую неделю", { frequency: "weekly" }, SUNDAYS],
    ["1 раз в неделю", { frequency: "weekly", times: 1 }, SUNDAYS],
    ["раз в неделю", { frequency: "weekly" }, SUNDAYS],
    ["еженедельно по пятницам", { frequency: "weekly", weekday: 5, note: "по пятницам" }, FRIDAYS],
    ["по пятницам", { frequency: "weekly", weekday: 5, note: "по пятницам" }, FRIDAYS],
    ["каждую пятницу", { frequency: "weekly", weekday: 5, note: "каждую пятницу" }, FRIDAYS],
    ["еженедельно, в пятницу", { frequency: "weekly", weekday: 5, note: "в пятницу" }, FRIDAYS],
    ["1 раз в неделю (по пятницам)", { frequency: "weekly", times: 1, weekday: 5, note: "по пятницам" }, FRIDAYS],
    [
      "Еженедельно по понедельникам",
      { frequency: "weekly", weekday: 1, note: "по понедельникам" },
      ["2020-09-07", "2020-09-14", "2020-09-21"],
    ],
  ])("%s", (text, recurrence, first) => {
    const parsed = parseTiming(text, SY_2020);
    expect(parsed.recurrence).toEqual(recurrence);
    expect(parsed.dueDates?.slice(0, 3)).toEqual(first);
    expect(parsed.dueDates).toHaveLength(52);
  });

  it("a weekday word in other wording is not a weekday: «в средней школе»", () => {
    expect(parseTiming("еженедельно в средней школе", SY_2020).recurrence).toEqual({ frequency: "weekly", note: "в средней школе" });
  });
});

describe("«ежегодно в мае»", () => {
  it.each([
    "ежегодно в мае",
    "Ежегодно, в мае",
    "каждый год в мае",
    "ежегодно (май)",
    "в мае ежегодно",
    "Ежегодно май",
    "ежегодно в течение мая",
  ])("%s is due each 31 May inside the range", (text) => {
    expect(parseTiming(text, SY_2020)).toMatchObject({ recurrence: { frequency: "yearly", months: [5] }, dueDates: ["2021-05-31"] });
    expect(parseTiming(text, SY_2020).recurrence?.note).toBeUndefined();
    expect(parseTiming(text, PROGRAMME_001).dueDates).toEqual(["2014-05-31", "2015-05-31"]);
  });

  it.each<RecurringRow>([
    ["ежегодно в апреле и мае", { frequency: "yearly", months: [4, 5] }, ["2021-04-30", "2021-05-31"]],
    ["ежегодно в мае-июне", { frequency: "yearly", months: [5, 6] }, ["2021-06-30"]],
    ["ежегодно во II квартале", { frequency: "yearly", months: [4, 5, 6] }, ["2021-06-30"]],
    ["Ежегодно, IV квартал", { frequency: "yearly", months: [10, 11, 12] }, ["2020-12-31"]],
    ["ежегодно в III четверти", { frequency: "yearly", months: [1, 2, 3] }, ["2021-03-31"]],
    ["ежегодно во II полугодии", { frequency: "yearly", note: "во II полугодии" }, ["2020-12-31"]],
  ])("%s", (text, recurrence, dueDates) => {
    const parsed = parseTiming(text, SY_2020);
    expect(parsed.recurrence).toEqual(recurrence);
    expect(parsed.dueDates).toEqual(dueDates);
  });
});

describe("«по итогам четверти» and the like: at the end of each period", () => {
  const QUARTER_ENDS = ["2020-10-31", "2020-12-31", "2021-03-31", "2021-05-31"];

  it.each<RecurringRow>([
    ["по итогам четверти", { frequency: "school-quarterly", note: "по итогам" }, QUARTER_ENDS],
    ["По итогам каждой четверти", { frequency: "school-quarterly", note: "по итогам" }, QUARTER_ENDS],
    ["в конце каждой четверти", { frequency: "school-quarterly", note: "в конце" }, QUARTER_ENDS],
    ["по окончании четверти", { frequency: "school-quarterly", note: "по окончании" }, QUARTER_ENDS],
    ["1 раз в четверть", { frequency: "school-quarterly", times: 1 }, QUARTER_ENDS],
    ["ежечетвертно", { frequency: "school-quarterly" }, QUARTER_ENDS],
    ["каждую четверть", { frequency: "school-quarterly" }, QUARTER_ENDS],
    ["мониторинг по четвертям", { frequency: "school-quarterly", note: "мониторинг" }, QUARTER_ENDS],
    ["по итогам полугодия", { frequency: "per-half-year", note: "по итогам" }, ["2020-12-31", "2021-06-30"]],
    ["по итогам квартала", { frequency: "quarterly", note: "по итогам" }, ["2020-09-30", "2020-12-31", "2021-03-31", "2021-06-30"]],
    ["в конце каждого месяца", { frequency: "monthly", note: "в конце" }, parseTiming("Ежемесячно", SY_2020).dueDates ?? []],
  ])("%s", (text, recurrence, dueDates) => {
    expect(parseTiming(text, SY_2020)).toEqual({ kind: "recurring", start: "2020-09-01", end: "2021-08-31", text, recurrence, dueDates });
  });

  it("over two school years, eight quarter ends; in a summer without one, the range end", () => {
    expect(parseTiming("по итогам четверти", PROGRAMME_001).dueDates).toEqual([
      "2013-10-31",
      "2013-12-31",
      "2014-03-31",
      "2014-05-31",
      "2014-10-31",
      "2014-12-31",
      "2015-03-31",
      "2015-05-31",
    ]);
    expect(parseTiming("по итогам четверти", { planStart: "2021-06-01", planEnd: "2021-08-31" }).dueDates).toEqual(["2021-08-31"]);
    expect(parseTiming("по итогам четверти").dueDates).toEqual([]);
  });
});

describe("how the new readings are shown", () => {
  it.each<[string, TimingContext | undefined, string]>([
    ["II квартал 2022 г.", undefined, "II квартал 2022 года: 01.04.2022 – 30.06.2022"],
    ["I – II кварталы 2022 года", undefined, "I – II кварталы 2022 года: 01.01.2022 – 30.06.2022"],
    ["2 полугодие 2022 года", undefined, "II полугодие 2022 года: 01.07.2022 – 31.12.2022"],
    ["в течение I полугодия", SY_2020, "I полугодие 2020/2021 учебного года: 01.09.2020 – 31.12.2020"],
    ["III четверть", SY_2020, "III четверть 2020/2021 учебного года: 01.01.2021 – 31.03.2021"],
    ["II-III четверти", SY_2020, "II – III четверти 2020/2021 учебного года: 01.11.2020 – 31.03.2021"],
    ["IV квартал 2021 г. – I квартал 2022 г.", undefined, "период: 01.10.2021 – 31.03.2022"],
    ["к началу учебного года", SY_2020, "до 31.08.2021"],
    ["к началу учебного года", undefined, "срок без даты — укажите учебный год"],
    ["ежемесячно до 10 числа", SY_2020, "ежемесячно: до 10 числа (12 сроков)"],
    ["еженедельно по пятницам", SY_2020, "еженедельно: по пятницам (52 срока)"],
    ["ежегодно в мае", SY_2020, "ежегодно: май (1 срок)"],
    ["ежегодно во II полугодии", SY_2020, "ежегодно: во II полугодии (1 срок)"],
    ["по итогам четверти", SY_2020, "каждую четверть: по итогам (4 срока)"],
    ["2 раза в четверть", SY_2020, "2 раза в четверть (4 срока)"],
  ])("%s", (text, context, description) => {
    expect(describeTiming(parseTiming(text, context))).toBe(description);
  });

  const plan = { schoolYear: "2020/2021", startsOn: "2020-09-01", endsOn: "2021-08-31" };
  it("the plan page names the part a stored period was written as, while its dates are still the ones it reads as", () => {
    const stored = readEventTiming("во втором полугодии", plan);
    const event = {
      timingText: stored.timingText,
      timingKind: stored.timingKind,
      startsOn: stored.startsOn,
      endsOn: stored.endsOn,
      dueDates: [],
    };
    expect(describeStoredTiming(event, plan)).toBe("II полугодие 2020/2021 учебного года: 01.01.2021 – 31.05.2021");
    expect(describeStoredTiming({ ...event, endsOn: "2021-06-30" }, plan)).toBe("период: 01.01.2021 – 30.06.2021");
  });

  it("parse-date prints the part", async () => {
    expect(await parseDateCommand(["II квартал 2022 г."])).toEqual({
      kind: "period",
      start: "2022-04-01",
      end: "2022-06-30",
      text: "II квартал 2022 г.",
      part: { unit: "quarter", from: 2, to: 2 } satisfies YearPart,
    });
    expect(await parseDateCommand(["ежемесячно до 10 числа", "--school-year", "2020/2021"])).toMatchObject({
      kind: "recurring",
      dueDates: TENTHS_2020,
      recurrence: { frequency: "monthly", day: 10 },
    });
  });
});

describe("overdue, read from the new kinds as stored", () => {
  const plan = { schoolYear: "2020/2021", startsOn: "2020-09-01", endsOn: "2021-08-31" };
  const stored = (text: string) => {
    const timing = readEventTiming(text, plan);
    return { status: "PLANNED" as const, timingKind: timing.timingKind, endsOn: timing.endsOn, dueDates: timing.dueDates, heldDates: [] };
  };

  it.each<[string, TimingKind, string, string]>([
    ["II квартал 2021 г.", "period", "2021-06-30", "2021-07-01"],
    ["к началу учебного года", "deadline", "2021-08-31", "2021-09-01"],
    ["по итогам I полугодия", "deadline", "2020-12-31", "2021-01-01"],
  ])("%s (%s) is overdue from the day after %s", (text, kind, last, firstOverdue) => {
    expect(readEventTiming(text, plan).parsed.kind).toBe(kind);
    expect(isOverdue(stored(text), last)).toBe(false);
    expect(isOverdue(stored(text), firstOverdue)).toBe(true);
  });

  it("«ежемесячно до 10 числа» misses the 10th, not the month's end", () => {
    expect(missedDueDates(stored("ежемесячно до 10 числа"), "2020-10-11")).toEqual(["2020-09-10", "2020-10-10"]);
    expect(missedDueDates(stored("по итогам четверти"), "2021-01-01")).toEqual(["2020-10-31", "2020-12-31"]);
  });
});
