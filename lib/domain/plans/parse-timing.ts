/**
 * Event timing as Russian plans and reports write it («22 сентября 2020 года»,
 * «До 2 ноября 2020 года», «Октябрь 2020 года», «В течение учебного года»,
 * «Ежегодно август», «2 раза в учебный год» …) → dates. Pure, never throws.
 *
 * Tolerated around the dates: case, «ё», any dash, «г.»/«года»/«году»/«гг.», quotes,
 * parentheses, HTML tags, trailing punctuation, a stage label («II этап (…)») and «Срок:».
 *
 * Decisions for the ambiguous cases:
 * - A date, month or month range written without a year takes it from the context:
 *   the school year (September–December → its first year, January–August → its second),
 *   else the plan range (the first occurrence on or after planStart, or the last one on
 *   or before planEnd). Without either it stays unknown.
 * - A yearless month range whose months straddle August («июнь-сентябрь» in 2020/2021)
 *   starts in the school year: 2021-06-01..2021-09-30.
 * - «в течение года» means the same as «в течение учебного года»: the school year, else
 *   the plan range, else a period without dates. «до конца (учебного) года» and «по итогам
 *   (учебного) года» alone are deadlines at its end.
 * - «до декабря 2020» is before December starts (end 2020-11-30); «до 2024 года» and
 *   «до конца 2024 года» include the whole year (end 2024-12-31).
 * - «2020-2021» and «2020/2021» (consecutive years, no «гг.») are the school year;
 *   «2020-2022» and «2020-2021 гг.» are calendar years.
 * - Recurring timings take start/end from the context range (planStart/planEnd, each
 *   falling back to the school year). Due dates, all inside that range:
 *   · yearly with months: the last day of the last month of each named month or month
 *     range, for every year where that day falls inside the range («Ежегодно июнь-сентябрь»
 *     in 2020/2021 → 2020-09-30); a named day is due that day («ежегодно до 1 декабря»);
 *   · yearly without months: each 31 August when the text speaks of the school year
 *     («по итогам учебного года», «в течение учебного года»), otherwise each 31 December
 *     («ежегодно», «по итогам года», «в течение года»); the range end when no such day
 *     falls inside;
 *   · monthly / quarterly: the last day of each month / calendar quarter;
 *     per half year: each 30 June and 31 December (the range end when none falls inside);
 *     weekly: the last day of each 7-day week counted from the range start (at most 60);
 *   · N times per school year: each school year's part of the range is split into N runs
 *     of whole months, each due on the last day of its run (2 in 2020/2021 → 2021-02-28,
 *     2021-08-31); N times per year: the same over 12-month windows from the range start.
 */
import { formatDate } from "@/lib/dates";
import { MONTHS_GENITIVE, fullYear, isoDate } from "@/lib/domain/requisites/russian-dates";
import { parseSchoolYear, schoolYearOf, schoolYearStarting, type SchoolYear } from "./school-year";

export const TIMING_KINDS = ["exact", "range", "month", "deadline", "period", "recurring", "unknown"] as const;
export type TimingKind = (typeof TIMING_KINDS)[number];

export interface TimingContext {
  schoolYear?: SchoolYear | null;
  /** The plan's range, for recurring occurrences and yearless months. */
  planStart?: string | null;
  planEnd?: string | null;
}

export const RECURRENCE_FREQUENCIES = [
  "yearly",
  "monthly",
  "quarterly",
  "weekly",
  "per-half-year",
  "times-per-school-year",
  "times-per-year",
] as const;

export interface Recurrence {
  /** How often. */
  frequency: (typeof RECURRENCE_FREQUENCIES)[number];
  /** How many times per period, when written («2 раза в учебный год» → 2). */
  times?: number;
  /** Yearly: the months (1–12) named, e.g. [8] for «Ежегодно август», [6, 7, 8, 9] for «Ежегодно июнь-сентябрь». */
  months?: number[];
  /** The rest of the wording, in Russian: «по итогам года», «в течение года по отдельному графику» … */
  note?: string;
}

export interface ParsedTiming {
  kind: TimingKind;
  start: string | null;
  end: string | null;
  /** The input, trimmed, whitespace squeezed. */
  text: string;
  recurrence?: Recurrence;
  /** Recurring only: due dates inside the context range, ascending ISO. */
  dueDates?: string[];
}

const MAX_LENGTH = 1000;
const MAX_DUE_DATES = 60;

// ---------------------------------------------------------------- dates

const MONTHS_NOMINATIVE = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;

/** Every case of a month name from its genitive: «март», «марта», «марте»; «май», «мая», «мае». */
const MONTH_PATTERNS = MONTHS_GENITIVE.map((genitive) => {
  const stem = genitive.slice(0, -1);
  return stem.endsWith("т") ? `${stem}[ауе]?` : `${stem}[ьйяюе]`;
});
const MONTH_WORD = `(?:${MONTH_PATTERNS.join("|")})(?!\\p{L})`;
const MONTH_RES = MONTH_PATTERNS.map((pattern) => new RegExp(`^${pattern}$`, "u"));

function monthNumber(word: string): number | null {
  const index = MONTH_RES.findIndex((re) => re.test(word));
  return index < 0 ? null : index + 1;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function firstDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** A context date, or null unless it is a real ISO date. */
function validIso(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function validSchoolYear(schoolYear: SchoolYear | null | undefined): SchoolYear | null {
  if (!schoolYear || typeof schoolYear !== "object") return null;
  const start = validIso(schoolYear.start);
  const end = validIso(schoolYear.end);
  return start && end && start <= end ? { label: schoolYear.label, start, end } : null;
}

interface Context {
  schoolYear: SchoolYear | null;
  planStart: string | null;
  planEnd: string | null;
  /** The range recurring timings repeat in: plan dates, each falling back to the school year. */
  rangeStart: string | null;
  rangeEnd: string | null;
}

function contextOf(context: TimingContext | undefined): Context {
  const schoolYear = validSchoolYear(context?.schoolYear);
  const planStart = validIso(context?.planStart);
  const planEnd = validIso(context?.planEnd);
  return {
    schoolYear,
    planStart,
    planEnd,
    rangeStart: planStart ?? schoolYear?.start ?? null,
    rangeEnd: planEnd ?? schoolYear?.end ?? null,
  };
}

/** The year of a yearless month (and day), from the school year or the plan range. */
function yearFromContext(month: number, day: number | null, context: Context): number | null {
  if (context.schoolYear) {
    const first = yearOf(context.schoolYear.start);
    return month >= 9 ? first : first + 1;
  }
  if (context.planStart) {
    const year = yearOf(context.planStart);
    const last = day === null ? lastDayOfMonth(year, month) : (isoDate(year, month, day) ?? lastDayOfMonth(year, month));
    return last < context.planStart ? year + 1 : year;
  }
  if (context.planEnd) {
    const year = yearOf(context.planEnd);
    const first = day === null ? firstDayOfMonth(year, month) : (isoDate(year, month, day) ?? firstDayOfMonth(year, month));
    return first > context.planEnd ? year - 1 : year;
  }
  return null;
}

// ---------------------------------------------------------------- text

/** Lower case, «ё» → «е», one kind of dash and space, no quotes or HTML tags (seed 001 has «<p>до 27 декабря 2013 г.</p>»). */
function normalize(text: string): string {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, " ")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g, "-")
    .replace(/[«»"“”„‟'’`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const YEAR_WORDS = /(\d{4}|\d{1,2}\.\d{1,2}\.\d{2})\s*(?:гг|г|годах|годов|годы|года|году|год)(?!\p{L})\.?/gu;
const EDGE_PUNCTUATION = /^[\s.,;:!?-]+|[\s.,;:!?]+$/g;

/** The dates part: no stage label, parentheses, year words, «включительно» or edge punctuation. */
function core(normalized: string): string {
  let text = normalized.replace(EDGE_PUNCTUATION, "");
  text = text.replace(/^[ivx]+\s+этап(?!\p{L})[.:]?\s*/u, "").replace(/^(?:сроки?|дата)\s*:\s*/, "");
  for (let i = 0; i < 3 && /^\(.*\)$/.test(text); i++) text = text.slice(1, -1).replace(EDGE_PUNCTUATION, "");
  text = text.replace(YEAR_WORDS, "$1").replace(/\s+включительно$/, "");
  return text
    .replace(/\s*-\s*/g, "-")
    .replace(EDGE_PUNCTUATION, "")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------- one side of a timing

type Side =
  | { type: "day"; day: number }
  | { type: "date"; day: number; month: number; year: number | null }
  | { type: "month"; month: number; year: number | null }
  | { type: "year"; year: number };

const SIDE_DATE_WORDS = new RegExp(`^(\\d{1,2}) (${MONTH_WORD})(?: (\\d{4}))?$`, "u");
const SIDE_DATE_NUMERIC = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
const SIDE_MONTH = new RegExp(`^(${MONTH_WORD})(?: (\\d{4}))?$`, "u");
const SIDE_YEAR = /^(\d{4})$/;
const SIDE_DAY = /^(\d{1,2})$/;

function parseSide(text: string): Side | null {
  let match = SIDE_DATE_WORDS.exec(text);
  if (match) {
    const month = monthNumber(match[2] ?? "");
    return month === null ? null : { type: "date", day: Number(match[1]), month, year: match[3] ? Number(match[3]) : null };
  }
  match = SIDE_DATE_NUMERIC.exec(text);
  if (match) {
    const month = Number(match[2]);
    return month < 1 || month > 12 ? null : { type: "date", day: Number(match[1]), month, year: fullYear(match[3] ?? "") };
  }
  match = SIDE_MONTH.exec(text);
  if (match) {
    const month = monthNumber(match[1] ?? "");
    return month === null ? null : { type: "month", month, year: match[2] ? Number(match[2]) : null };
  }
  match = SIDE_YEAR.exec(text);
  if (match) return { type: "year", year: Number(match[1]) };
  match = SIDE_DAY.exec(text);
  if (match) return { type: "day", day: Number(match[1]) };
  return null;
}

type Dated = Exclude<Side, { type: "day" }>;

/** First and last day a dated side covers; null for a date that does not exist. */
function spanOf(side: Dated & { year: number }): [string, string] | null {
  if (side.year < 1000) return null;
  if (side.type === "year") return [`${String(side.year).padStart(4, "0")}-01-01`, `${String(side.year).padStart(4, "0")}-12-31`];
  if (side.type === "month") return [firstDayOfMonth(side.year, side.month), lastDayOfMonth(side.year, side.month)];
  const iso = isoDate(side.year, side.month, side.day);
  return iso ? [iso, iso] : null;
}

/** A side with its year filled from the context; null when there is none to take. */
function withYear(side: Dated, context: Context): (Dated & { year: number }) | null {
  if (side.type === "year" || side.year !== null) return side as Dated & { year: number };
  const year = yearFromContext(side.month, side.type === "date" ? side.day : null, context);
  return year === null ? null : { ...side, year };
}

interface Span {
  kind: TimingKind;
  start: string | null;
  end: string | null;
}

const UNKNOWN: Span = { kind: "unknown", start: null, end: null };

function single(text: string, context: Context): Span {
  const side = parseSide(text);
  if (!side || side.type === "day") return UNKNOWN;
  const dated = withYear(side, context);
  const span = dated && spanOf(dated);
  if (!span) return UNKNOWN;
  const kind: TimingKind = side.type === "date" ? "exact" : side.type === "month" ? "month" : "period";
  return { kind, start: span[0], end: span[1] };
}

/** «1-2 марта 2022», «30 ноября-2 декабря 2020», «сентябрь-декабрь 2013», «декабрь 2013-апрель 2015». */
function pair(leftText: string, rightText: string, context: Context): Span {
  let left = parseSide(leftText);
  const right = parseSide(rightText);
  if (!left || !right || right.type === "day") return UNKNOWN;
  if (left.type === "day") {
    if (right.type !== "date") return UNKNOWN;
    left = { type: "date", day: left.day, month: right.month, year: right.year };
  }
  let a: Dated = left;
  let b: Dated = right;
  if (a.type !== "year" && b.type !== "year") {
    // The year written on one side serves both: «30 ноября-2 декабря 2020», «декабрь-март 2021».
    const [monthA, monthB] = [a.month, b.month];
    if (a.year === null && b.year !== null) a = { ...a, year: monthB < monthA ? b.year - 1 : b.year };
    else if (a.year !== null && b.year === null) b = { ...b, year: monthB < monthA ? a.year + 1 : a.year };
    else if (a.year === null && b.year === null) {
      const resolved = withYear(a, context);
      if (!resolved) return UNKNOWN;
      a = resolved;
      b = { ...b, year: monthB < monthA ? resolved.year + 1 : resolved.year };
    }
  } else if (a.year === null || b.year === null) return UNKNOWN;
  const first = a.year === null ? null : spanOf(a as Dated & { year: number });
  const last = b.year === null ? null : spanOf(b as Dated & { year: number });
  if (!first || !last || first[0] > last[1]) return UNKNOWN;
  return { kind: a.type === "date" && b.type === "date" ? "range" : "period", start: first[0], end: last[1] };
}

/** «в течение учебного года» and the like: the school year, else the plan range. */
function wholeYear(context: Context): Span {
  if (context.schoolYear) return { kind: "period", start: context.schoolYear.start, end: context.schoolYear.end };
  return { kind: "period", start: context.planStart, end: context.planEnd };
}

const WHOLE_YEAR =
  /^(?:(?:в течение|в течении|на протяжении|весь|в|за)\s+)?(?:всего\s+)?(?:(?:учебного|учебный|учебном)\s+)?(?:года|год|году)$/;
const WHOLE_PLAN = /^(?:постоянно|в течение (?:всего )?периода|весь период|на протяжении (?:всего )?периода)$/;
const DEADLINE = /^(?:до|не позднее|не позже|к|в срок до|срок до|срок)\s+(.+)$/;
const RESULTS_OF_YEAR = /^по итогам (?:учебного )?года$/;

function deadline(rest: string, context: Context): Span {
  const endOf = /^конца (.+)$/.exec(rest);
  if (endOf) {
    const what = endOf[1] ?? "";
    if (/^(?:учебного )?года$/.test(what)) return { kind: "deadline", start: null, end: wholeYear(context).end };
    const side = parseSide(what);
    if (!side || side.type === "day") return UNKNOWN;
    const dated = withYear(side, context);
    const span = dated && spanOf(dated);
    return span ? { kind: "deadline", start: null, end: span[1] } : UNKNOWN;
  }
  const side = parseSide(rest);
  if (!side || side.type === "day") return UNKNOWN;
  const dated = withYear(side, context);
  const span = dated && spanOf(dated);
  if (!span) return UNKNOWN;
  // «до декабря 2020»: before December starts; «до 2024 года»: through 2024.
  return { kind: "deadline", start: null, end: side.type === "month" ? addDays(span[0], -1) : span[1] };
}

function dated(normalized: string, context: Context): Span {
  const text = core(normalized);
  if (!text) return UNKNOWN;

  if (WHOLE_YEAR.test(text)) return wholeYear(context);
  if (WHOLE_PLAN.test(text)) return { kind: "period", start: context.rangeStart, end: context.rangeEnd };
  if (RESULTS_OF_YEAR.test(text)) return { kind: "deadline", start: null, end: wholeYear(context).end };

  // «2020-2021 учебный год», «2020/2021»; «2020-2021 гг.» are two calendar years (below).
  const schoolYear = /\d\s*гг(?!\p{L})/u.test(normalized) ? null : parseSchoolYear(text);
  if (schoolYear) return { kind: "period", start: schoolYear.start, end: schoolYear.end };

  const until = DEADLINE.exec(text);
  if (until) return deadline(until[1] ?? "", context);

  const fromTo = /^(?:с|со|от)\s+(.+?)\s+(?:по|до)\s+(.+)$/.exec(text);
  if (fromTo) return pair(fromTo[1] ?? "", fromTo[2] ?? "", context);

  const parts = text.split("-");
  if (parts.length === 2) return pair((parts[0] ?? "").replace(/^(?:с|со|от|в)\s+/, ""), parts[1] ?? "", context);
  if (parts.length > 2) return UNKNOWN;

  return single(text.replace(/^(?:(?:в течение|в течении|в|во|на)\s+)/, ""), context);
}

// ---------------------------------------------------------------- recurring

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
];
const TIMES = new RegExp(
  "(?<!\\p{L})(?:(?:(\\d{1,3})|(" +
    Object.keys(NUMBER_WORDS)
      .filter((w) => !w.endsWith("жды"))
      .join("|") +
    "))\\s+)?(?:раза?|(дважды|трижды))\\s+в\\s+" +
    "(учебный год|год|полугодие|полгода|квартал|месяц|неделю)(?!\\p{L})",
  "u",
);
const WORD_FREQUENCY: Array<[RegExp, Frequency]> = [
  [/(?<!\p{L})(?:ежегодн\p{L}*|каждый год)(?!\p{L})/u, "yearly"],
  [/(?<!\p{L})(?:ежемесячн\p{L}*|каждый месяц)(?!\p{L})/u, "monthly"],
  [/(?<!\p{L})(?:ежекварталь?н\p{L}*|каждый квартал)(?!\p{L})/u, "quarterly"],
  [/(?<!\p{L})(?:еженедельн\p{L}*|каждую неделю)(?!\p{L})/u, "weekly"],
];
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+(${MONTH_WORD})`, "gu");
const MONTH_RUN = new RegExp(`(?<!\\p{L})(${MONTH_WORD})(?:\\s*-\\s*(${MONTH_WORD}))?`, "gu");

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
    .trim();
  return note || undefined;
}

interface Detected {
  recurrence: Recurrence;
  /** Yearly: the named month runs, each due at its last month. */
  runs: MonthRun[];
}

function detectRecurrence(normalized: string): Detected | null {
  const times = TIMES.exec(normalized);
  if (times) {
    const unit = times[4] ?? "";
    const frequency = UNIT_FREQUENCY.find(([re]) => re.test(unit))?.[1] ?? "times-per-year";
    const count = times[1] ? Number(times[1]) : times[2] ? NUMBER_WORDS[times[2]] : times[3] ? NUMBER_WORDS[times[3]] : undefined;
    if (count === 0) return null;
    const rest = normalized.replace(times[0], " ").replace(WORD_FREQUENCY[0]![0], " ");
    const recurrence: Recurrence = { frequency, ...(count !== undefined ? { times: count } : {}) };
    const note = cleanNote(rest);
    if (note) recurrence.note = note;
    return { recurrence, runs: [] };
  }
  const word = WORD_FREQUENCY.find(([re]) => re.test(normalized));
  if (!word) return null;
  const [re, frequency] = word;
  let rest = normalized.replace(re, " ");
  const runs: MonthRun[] = [];
  if (frequency === "yearly") {
    // «до 1 декабря» stays in the note as written; its month is named, its day is the due day.
    let masked = rest.replace(DAY_MONTH, (all, day: string, monthWord: string) => {
      const month = monthNumber(monthWord);
      if (month !== null) runs.push({ from: month, to: month, day: Number(day) });
      return " ".repeat(all.length);
    });
    masked = masked.replace(MONTH_RUN, (all, from: string, to: string | undefined) => {
      const first = monthNumber(from);
      const last = to ? monthNumber(to) : first;
      if (first !== null && last !== null) runs.push({ from: first, to: last });
      return "\u0000".repeat(all.length);
    });
    rest = rest
      .split("")
      .filter((_, i) => masked[i] !== "\u0000")
      .join("");
  }
  const recurrence: Recurrence = { frequency };
  const months = [...new Set(runs.flatMap(monthsOfRun))];
  if (months.length) recurrence.months = months;
  const note = cleanNote(rest);
  if (note) recurrence.note = note;
  return { recurrence, runs };
}

function inRange(dates: Iterable<string>, start: string, end: string): string[] {
  return [...new Set([...dates].filter((d) => d >= start && d <= end))].sort().slice(0, MAX_DUE_DATES);
}

/** Every (year, month) from the month of `start` to the month of `end`. */
function monthsBetween(start: string, end: string): Array<[number, number]> {
  const months: Array<[number, number]> = [];
  for (let y = yearOf(start), m = monthOf(start); y < yearOf(end) || (y === yearOf(end) && m <= monthOf(end)); ) {
    months.push([y, m]);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
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

/** The same day each year, or the range end when it never falls inside. */
function yearlyOn(month: number, day: number, start: string, end: string): string[] {
  const dates: string[] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) {
    const date = isoDate(y, month, day);
    if (date) dates.push(date);
  }
  const inside = inRange(dates, start, end);
  return inside.length ? inside : [end];
}

function dueDates(detected: Detected, start: string, end: string): string[] {
  const { recurrence, runs } = detected;
  const times = Math.min(Math.max(recurrence.times ?? 1, 1), MAX_DUE_DATES);
  const years: number[] = [];
  for (let y = yearOf(start) - 1; y <= yearOf(end) + 1; y++) years.push(y);

  switch (recurrence.frequency) {
    case "yearly":
      if (runs.length) {
        const due = years.flatMap((y) =>
          runs.map((run) => (run.day === undefined ? lastDayOfMonth(y, run.to) : isoDate(y, run.to, run.day))),
        );
        return inRange(
          due.filter((d): d is string => d !== null),
          start,
          end,
        );
      }
      return /учебн/.test(recurrence.note ?? "") ? yearlyOn(8, 31, start, end) : yearlyOn(12, 31, start, end);
    case "monthly":
      return inRange(
        monthsBetween(start, end).map(([y, m]) => lastDayOfMonth(y, m)),
        start,
        end,
      );
    case "quarterly":
      return inRange(
        monthsBetween(start, end)
          .filter(([, m]) => m % 3 === 0)
          .map(([y, m]) => lastDayOfMonth(y, m)),
        start,
        end,
      );
    case "weekly": {
      const dates: string[] = [];
      for (let d = addDays(start, 6); d <= end && dates.length < MAX_DUE_DATES; d = addDays(d, 7)) dates.push(d);
      return dates;
    }
    case "per-half-year": {
      const inside = inRange(
        years.flatMap((y) => [`${y}-06-30`, `${y}-12-31`]),
        start,
        end,
      );
      return inside.length ? inside : [end];
    }
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

function addMonths(iso: string, months: number): string {
  const total = yearOf(iso) * 12 + monthOf(iso) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(iso.slice(8, 10)), Number(lastDayOfMonth(year, month).slice(8, 10)));
  return isoDate(year, month, day) ?? lastDayOfMonth(year, month);
}

// ---------------------------------------------------------------- API

/** Reads a timing as people write it; unknown wording is kept as text (kind "unknown"). */
export function parseTiming(text: string, context?: TimingContext): ParsedTiming {
  const original = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  const unknown: ParsedTiming = { kind: "unknown", start: null, end: null, text: original };
  if (!original || original.length > MAX_LENGTH) return unknown;
  try {
    const ctx = contextOf(context);
    const normalized = normalize(original);
    const detected = detectRecurrence(normalized);
    if (detected) {
      const { rangeStart: start, rangeEnd: end } = ctx;
      return {
        kind: "recurring",
        start,
        end,
        text: original,
        recurrence: detected.recurrence,
        dueDates: start && end && start <= end ? dueDates(detected, start, end) : [],
      };
    }
    const span = dated(normalized, ctx);
    return span.kind === "unknown" ? unknown : { ...span, text: original };
  } catch {
    return unknown;
  }
}

function plural(n: number, one: string, few: string, many: string): string {
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
    case "per-half-year":
      return count("полугодие");
    case "times-per-school-year":
      return count("учебный год");
    case "times-per-year":
      return count("год");
  }
}

/** A short Russian description for a preview: «точная дата: 22.09.2020», «до 02.11.2020» … */
export function describeTiming(p: ParsedTiming): string {
  const date = (iso: string | null) => (iso ? formatDate(iso) : "");
  switch (p.kind) {
    case "exact":
      return `точная дата: ${date(p.start)}`;
    case "range":
      return `даты: ${date(p.start)} – ${date(p.end)}`;
    case "month": {
      const month = p.start ? MONTHS_NOMINATIVE[monthOf(p.start) - 1] : undefined;
      return month && p.start ? `месяц: ${month} ${yearOf(p.start)}` : "месяц не определён";
    }
    case "deadline":
      return p.end ? `до ${date(p.end)}` : "срок без даты — укажите учебный год";
    case "period":
      if (p.start && p.end) return `период: ${date(p.start)} – ${date(p.end)}`;
      if (p.start) return `период: с ${date(p.start)}`;
      if (p.end) return `период: по ${date(p.end)}`;
      return "период без дат — укажите учебный год";
    case "recurring": {
      const recurrence = p.recurrence ?? { frequency: "yearly" };
      const note = recurrence.note ?? "";
      const monthsInNote = new RegExp(MONTH_WORD, "u").test(note);
      const details = [recurrence.months?.length && !monthsInNote ? describeMonths(recurrence.months) : "", note]
        .filter(Boolean)
        .join(", ");
      const due = p.dueDates ?? [];
      const terms = due.length
        ? `${due.length} ${plural(due.length, "срок", "срока", "сроков")}`
        : "сроки не рассчитаны — нет периода плана";
      return `${describeFrequency(recurrence)}${details ? `: ${details}` : ""} (${terms})`;
    }
    case "unknown":
      return "не распознано — сохранено как текст";
  }
}
