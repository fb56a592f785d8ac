/**
 * Recurring timings («Ежегодно август», «2 раза в учебный год», «ежемесячно до 10 числа»,
 * «по итогам четверти», «еженедельно по пятницам» …): how often, and the due dates inside
 * a range. Pure; the decisions are listed in parse-timing.ts.
 */
import { isoDate } from "@/lib/domain/requisites/russian-dates";
import { schoolYearOf, schoolYearStarting } from "./school-year";
import {
  EDGE_PUNCTUATION,
  MONTH_WORD,
  MONTHS_NOMINATIVE,
  addDays,
  addMonths,
  dayOfMonth,
  lastDayOfMonth,
  monthNumber,
  monthsBetween,
  weekdayOf,
  yearOf,
} from "./timing-calendar";
import { PART_ANYWHERE, PART_MONTHS, partOf } from "./timing-parts";

export const RECURRENCE_FREQUENCIES = [
  "yearly",
  "monthly",
  "quarterly",
  "weekly",
  "per-half-year",
  "times-per-school-year",
  "times-per-year",
  "school-quarterly",
] as const;

export interface Recurrence {
  /** How often. */
  frequency: (typeof RECURRENCE_FREQUENCIES)[number];
  /** How many times per period, when written («2 раза в учебный год» → 2). */
  times?: number;
  /** Yearly: the months (1–12) named, e.g. [8] for «Ежегодно август», [6, 7, 8, 9] for «Ежегодно июнь-сентябрь». */
  months?: number[];
  /** Monthly and quarterly: the day of the month it is due on («ежемесячно до 10 числа» → 10). */
  day?: number;
  /** Weekly: the weekday it is due on, 1 = Monday … 7 = Sunday («по пятницам» → 5). */
  weekday?: number;
  /** The rest of the wording, in Russian: «по итогам года», «в течение года по отдельному графику» … */
  note?: string;
}

export const MAX_DUE_DATES = 60;

type Frequency = Recurrence["frequency"];

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  дважды: 2,
  трижды: 3,
};
const UNIT_FREQUENCY: Array<[RegExp, Frequency]> = [
  [/^учебн/, "times-per-school-year"],
  [/^(?:полугод|полгода)/, "per-half-year"],
  [/^год/, "times-per-year"],
  [/^квартал/, "quarterly"],
  [/^месяц/, "monthly"],
  [/^недел/, "weekly"],
  [/^четверт/, "school-quarterly"],
];
const TIMES = new RegExp(
  "(?<!\\p{L})(?:(?:(\\d{1,3})|(" +
    Object.keys(NUMBER_WORDS)
      .filter((w) => !w.endsWith("жды"))
      .join("|") +
    "))\\s+)?(?:раза?|(дважды|трижды))\\s+в\\s+" +
    "(учебный год|год|полугодие|полгода|квартал|месяц|неделю|четверть)(?!\\p{L})",
  "u",
);

const WEEKDAY_STEMS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"];
/** A weekday after «по», «в» or «каждый»: «по пятницам», «в среду», «каждый понедельник». */
const WEEKDAY = new RegExp(
  "(?<!\\p{L})(?:по|в|во|кажд\\p{L}*)\\s+(понедельник(?:ам|а|у)?|вторник(?:ам|а|у)?|сред(?:ам|а|у|ы)|четверг(?:ам|а|у)?|" +
    "пятниц(?:ам|а|у|ы)|суббот(?:ам|а|у|ы)|воскресень(?:ям|е|я|ю))(?!\\p{L})",
  "u",
);
/** «по пятницам», «каждую среду» on their own say weekly; they stay in the note. */
const EVERY_WEEKDAY =
  /(?<!\p{L})(?=по\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям)(?!\p{L})|кажд(?:ый|ую|ое)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?!\p{L}))/u;
/** «по итогам четверти», «в конце каждого месяца»: «по итогам» stays in the note, the period names the frequency. */
const AFTER_EACH = "(?<=(?<!\\p{L})(?:по итогам|по окончании|по завершении|по результатам|в конце)\\s+)(?:кажд\\p{L}+\\s+)?";
const afterEach = (noun: string) => new RegExp(`${AFTER_EACH}${noun}(?!\\p{L})`, "u");

const WORD_FREQUENCY: Array<[RegExp, Frequency]> = [
  [/(?<!\p{L})(?:ежегодн\p{L}*|каждый год)(?!\p{L})/u, "yearly"],
  [/(?<!\p{L})(?:ежемесячн\p{L}*|каждый месяц|каждого месяца)(?!\p{L})/u, "monthly"],
  [/(?<!\p{L})(?:ежекварталь?н\p{L}*|каждый квартал)(?!\p{L})/u, "quarterly"],
  [/(?<!\p{L})(?:еженедельн\p{L}*|каждую неделю)(?!\p{L})/u, "weekly"],
  [/(?<!\p{L})(?:ежечетвертн\p{L}*|каждую четверть|по четвертям)(?!\p{L})/u, "school-quarterly"],
  [afterEach("четверти"), "school-quarterly"],
  [afterEach("полугодия"), "per-half-year"],
  [afterEach("квартала"), "quarterly"],
  [afterEach("месяца"), "monthly"],
  [afterEach("недели"), "weekly"],
  [EVERY_WEEKDAY, "weekly"],
];
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+(${MONTH_WORD})`, "gu");
/** A month or month run and the words that introduce it: «в мае», «июнь-сентябрь», «и мае». */
const MONTH_RUN = new RegExp(`(?<!\\p{L})(?:(?:в течение|в|во|и)\\s+)?(${MONTH_WORD})(?:\\s*-\\s*(${MONTH_WORD}))?`, "gu");
/** «до 10 числа», «10-го числа», «не позднее 5 числа месяца». */
const DAY_OF_MONTH = /(?<![\p{L}\d])(\d{1,2})(?:-?(?:ого|го|ое|е))?\s+числ\p{L}*/u;

interface MonthRun {
  from: number;
  to: number;
  /** «ежегодно до 1 декабря»: due that day rather than at the month's end. */
  day?: number;
}

function monthsOfRun(run: MonthRun): number[] {
  const months = [run.from];
  for (let m = run.from; m !== run.to; ) {
    m = (m % 12) + 1;
    months.push(m);
  }
  return months;
}

function cleanNote(text: string): string | undefined {
  const note = text
    .replace(/[()]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/(?:^|\s)[,;:.-](?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .replace(EDGE_PUNCTUATION, "")
    .trim()
    // Roman numerals back in capitals: «во II полугодии».
    .replace(/(?<![\p{L}\d])(?:iv|i{1,3})(?![\p{L}\d])/gu, (numeral) => numeral.toUpperCase());
  return note || undefined;
}

export interface Detected {
  recurrence: Recurrence;
  /** Yearly: the named month runs, each due at its last month. */
  runs: MonthRun[];
}

const MASK = "\u0000";

/** Yearly: the months named, as runs; the text without them (a named day stays, as written). */
function yearlyRuns(text: string): { runs: MonthRun[]; rest: string } {
  const runs: MonthRun[] = [];
  let masked = text.replace(DAY_MONTH, (all, day: string, monthWord: string) => {
    const month = monthNumber(monthWord);
    if (month !== null) runs.push({ from: month, to: month, day: Number(day) });
    return " ".repeat(all.length);
  });
  // «ежегодно во II квартале», «ежегодно в III четверти»; half-years (calendar or school?) stay in the note.
  masked = masked.replace(PART_ANYWHERE, (all, ordinal: string, noun: string) => {
    const part = partOf(ordinal, noun);
    if (!part || part.unit === "half") return all;
    const [from, to] = PART_MONTHS[part.unit][part.number - 1]!;
    runs.push({ from, to });
    return MASK.repeat(all.length);
  });
  masked = masked.replace(MONTH_RUN, (all, from: string, to: string | undefined) => {
    const first = monthNumber(from);
    const last = to ? monthNumber(to) : first;
    if (first !== null && last !== null) runs.push({ from: first, to: last });
    return MASK.repeat(all.length);
  });
  const rest = text
    .split("")
    .filter((_, i) => masked[i] !== MASK)
    .join("");
  return { runs, rest };
}

/** The day of the month or the weekday a monthly, quarterly or weekly timing names. */
function dueDay(recurrence: Recurrence, text: string): void {
  if (recurrence.frequency === "monthly" || recurrence.frequency === "quarterly") {
    const day = Number(DAY_OF_MONTH.exec(text)?.[1] ?? 0);
    if (day >= 1 && day <= 31) recurrence.day = day;
  }
  if (recurrence.frequency === "weekly") {
    const word = WEEKDAY.exec(text)?.[1];
    const index = word ? WEEKDAY_STEMS.findIndex((stem) => word.startsWith(stem)) : -1;
    if (index >= 0) recurrence.weekday = index + 1;
  }
}

export function detectRecurrence(normalized: string): Detected | null {
  const times = TIMES.exec(normalized);
  if (times) {
    const unit = times[4] ?? "";
    const frequency = UNIT_FREQUENCY.find(([re]) => re.test(unit))?.[1] ?? "times-per-year";
    const count = times[1] ? Number(times[1]) : times[2] ? NUMBER_WORDS[times[2]] : times[3] ? NUMBER_WORDS[times[3]] : undefined;
    if (count === 0) return null;
    const rest = normalized.replace(times[0], " ").replace(WORD_FREQUENCY[0]![0], " ");
    const recurrence: Recurrence = { frequency, ...(count !== undefined ? { times: count } : {}) };
    dueDay(recurrence, rest);
    const note = cleanNote(rest);
    if (note) recurrence.note = note;
    return { recurrence, runs: [] };
  }
  const word = WORD_FREQUENCY.find(([re]) => re.test(normalized));
  if (!word) return null;
  const [re, frequency] = word;
  let rest = normalized.replace(re, " ");
  let runs: MonthRun[] = [];
  if (frequency === "yearly") ({ runs, rest } = yearlyRuns(rest));
  const recurrence: Recurrence = { frequency };
  const months = [...new Set(runs.flatMap(monthsOfRun))];
  if (months.length) recurrence.months = months;
  dueDay(recurrence, rest);
  const note = cleanNote(rest);
  if (note) recurrence.note = note;
  return { recurrence, runs };
}

function inRange(dates: Iterable<string>, start: string, end: string): string[] {
  return [...new Set([...dates].filter((d) => d >= start && d <= end))].sort().slice(0, MAX_DUE_DATES);
}

/** A window split into `times` runs of whole months, each due on its last day (clipped to the window). */
function splitWindow(start: string, end: string, times: number): string[] {
  const months = monthsBetween(start, end);
  const due: string[] = [];
  for (let k = 1; k <= times; k++) {
    const month = months[Math.ceil((k * months.length) / times) - 1];
    if (!month) continue;
    const last = lastDayOfMonth(month[0], month[1]);
    due.push(last > end ? end : last);
  }
  return due;
}

/** The given days of each year, or the range end when none falls inside. */
function yearlyOrEnd(days: (year: number) => string[], start: string, end: string): string[] {
  const dates: string[] = [];
  for (let y = yearOf(start) - 1; y <= yearOf(end) + 1; y++) dates.push(...days(y));
  const inside = inRange(dates, start, end);
  return inside.length ? inside : [end];
}

function everyWeek(weekday: number, start: string, end: string): string[] {
  const dates: string[] = [];
  for (let d = addDays(start, (weekday - weekdayOf(start) + 7) % 7); d <= end && dates.length < MAX_DUE_DATES; d = addDays(d, 7)) {
    dates.push(d);
  }
  return dates;
}

export function dueDates(detected: Detected, start: string, end: string): string[] {
  const { recurrence, runs } = detected;
  const times = Math.min(Math.max(recurrence.times ?? 1, 1), MAX_DUE_DATES);
  const day = recurrence.day;
  const months = monthsBetween(start, end);

  switch (recurrence.frequency) {
    case "yearly": {
      if (runs.length) {
        const due: string[] = [];
        for (let y = yearOf(start) - 1; y <= yearOf(end) + 1; y++) {
          for (const run of runs) {
            const date = run.day === undefined ? lastDayOfMonth(y, run.to) : isoDate(y, run.to, run.day);
            if (date) due.push(date);
          }
        }
        return inRange(due, start, end);
      }
      const month = /учебн/.test(recurrence.note ?? "") ? 8 : 12;
      return yearlyOrEnd((y) => [lastDayOfMonth(y, month)], start, end);
    }
    case "monthly":
      return inRange(
        months.map(([y, m]) => (day ? dayOfMonth(y, m, day) : lastDayOfMonth(y, m))),
        start,
        end,
      );
    case "quarterly":
      // With a day, on that day of the month after each quarter: a quarter is reported on once it is over.
      return inRange(
        months.filter(([, m]) => m % 3 === (day ? 1 : 0)).map(([y, m]) => (day ? dayOfMonth(y, m, day) : lastDayOfMonth(y, m))),
        start,
        end,
      );
    case "school-quarterly":
      return yearlyOrEnd((y) => PART_MONTHS["school-quarter"].map(([, last]) => lastDayOfMonth(y, last)), start, end);
    case "weekly":
      return everyWeek(recurrence.weekday ?? 7, start, end);
    case "per-half-year":
      return yearlyOrEnd((y) => [lastDayOfMonth(y, 6), lastDayOfMonth(y, 12)], start, end);
    case "times-per-school-year": {
      const dates: string[] = [];
      for (let sy = schoolYearOf(start); sy.start <= end; sy = schoolYearStarting(yearOf(sy.start) + 1)) {
        dates.push(...splitWindow(sy.start > start ? sy.start : start, sy.end < end ? sy.end : end, times));
      }
      return inRange(dates, start, end);
    }
    case "times-per-year": {
      const dates: string[] = [];
      for (let k = 0; ; k++) {
        const windowStart = addMonths(start, 12 * k);
        if (windowStart > end) break;
        const windowEnd = addDays(addMonths(start, 12 * (k + 1)), -1);
        dates.push(...splitWindow(windowStart, windowEnd < end ? windowEnd : end, times));
      }
      return inRange(dates, start, end);
    }
  }
}

// ---------------------------------------------------------------- in words

export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** [6, 7, 8, 9] → «июнь – сентябрь»; [3, 10] → «март, октябрь». */
function describeMonths(months: number[]): string {
  const runs: number[][] = [];
  for (const m of months) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous !== undefined && (previous % 12) + 1 === m) run.push(m);
    else runs.push([m]);
  }
  const name = (m: number) => MONTHS_NOMINATIVE[m - 1] ?? String(m);
  return runs.map((run) => (run.length === 1 ? name(run[0]!) : `${name(run[0]!)} – ${name(run[run.length - 1]!)}`)).join(", ");
}

function describeFrequency(recurrence: Recurrence): string {
  const times = recurrence.times;
  const count = (unit: string) => `${times ?? 1} ${plural(times ?? 1, "раз", "раза", "раз")} в ${unit}`;
  switch (recurrence.frequency) {
    case "yearly":
      return "ежегодно";
    case "monthly":
      return times && times > 1 ? count("месяц") : "ежемесячно";
    case "quarterly":
      return times && times > 1 ? count("квартал") : "ежеквартально";
    case "weekly":
      return times && times > 1 ? count("неделю") : "еженедельно";
    case "school-quarterly":
      return times && times > 1 ? count("четверть") : "каждую четверть";
    case "per-half-year":
      return count("полугодие");
    case "times-per-school-year":
      return count("учебный год");
    case "times-per-year":
      return count("год");
  }
}

/** «ежегодно: август (3 срока)», «ежемесячно: до 10 числа (12 сроков)», «каждую четверть: по итогам (4 срока)». */
export function describeRecurrence(recurrence: Recurrence, dueCount: number): string {
  const note = recurrence.note ?? "";
  const monthsInNote = new RegExp(MONTH_WORD, "u").test(note);
  const details = [recurrence.months?.length && !monthsInNote ? describeMonths(recurrence.months) : "", note].filter(Boolean).join(", ");
  const terms = dueCount ? `${dueCount} ${plural(dueCount, "срок", "срока", "сроков")}` : "сроки не рассчитаны — нет периода плана";
  return `${describeFrequency(recurrence)}${details ? `: ${details}` : ""} (${terms})`;
}
