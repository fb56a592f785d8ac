/**
 * Event timing as Russian plans and reports write it («22 сентября 2020 года»,
 * «До 2 ноября 2020 года», «Октябрь 2020 года», «В течение учебного года»,
 * «II квартал 2022 г.», «во втором полугодии», «Ежегодно август», «2 раза в учебный год»,
 * «ежемесячно до 10 числа», «по итогам четверти» …) → dates. Pure, never throws.
 *
 * Tolerated around the dates: case, «ё», any dash, «г.»/«года»/«году»/«гг.», quotes,
 * parentheses, HTML tags, trailing punctuation, a stage label («II этап (…)») and «Срок:».
 *
 * Decisions for the ambiguous cases:
 * - A date, month, month range or part of a year written without a year takes it from the
 *   context: the school year (September–December → its first year, January–August → its
 *   second), else the plan range (the first occurrence ending on or after planStart, or the
 *   last one starting on or before planEnd). Without either it stays unknown: the parser
 *   never guesses from today's date. A school year written after it («сентябрь – май
 *   2020/2021 уч. года») is its context.
 * - A yearless month range whose months straddle August («июнь-сентябрь» in 2020/2021)
 *   starts in the school year: 2021-06-01..2021-09-30; one that crosses the new year
 *   («декабрь – январь») runs from the school year's December to its January.
 *   Consecutive months in a list («июль, август», «в июле и августе») are one range.
 * - Parts of a year (timing-parts.ts): «квартал» is a calendar quarter; «полугодие» is a
 *   calendar half-year with a calendar year, a school half-year (I: September–December,
 *   II: January–May) with a school year, or, without a year, in a plan that counts in school
 *   years (a school year, or a range starting 1 September); «четверть» is a school quarter
 *   (1 September – 31 October, 1 November – 31 December, 1 January – 31 March,
 *   1 April – 31 May). A run («I–II кварталы 2022») spans its first to its last part.
 * - «в течение года» means the same as «в течение учебного года»: the school year, else
 *   the plan range, else a period without dates.
 * - Deadlines: «до конца X», «к концу X», «по итогам X», «по окончании X», «в конце X» end
 *   with X's last day (X a date, month, year, part of a year, school year or «(учебного)
 *   года»); «до декабря 2020», «до II квартала» end the day before X starts, «до 2024 года»
 *   includes the whole year (end 2024-12-31); «к началу X», «до начала X», «перед началом
 *   X» end the day before X starts. «к началу учебного года» alone is the eve of the next
 *   school year, the one start inside the plan: 31 August at the end of the plan's school
 *   year (2021-08-31 in 2020/2021), else of the school year the plan range starts in.
 * - «2020-2021» and «2020/2021» (consecutive years, no «гг.») are the school year;
 *   «2020-2022» and «2020-2021 гг.» are calendar years.
 * - Recurring timings take start/end from the context range (planStart/planEnd, each
 *   falling back to the school year). Due dates, all inside that range (timing-recurrence.ts):
 *   · yearly with months: the last day of the last month of each named month or month
 *     range, for every year where that day falls inside the range («Ежегодно июнь-сентябрь»
 *     in 2020/2021 → 2020-09-30); a named day is due that day («ежегодно до 1 декабря»);
 *     a named quarter or school quarter counts as its months («ежегодно во II квартале»);
 *   · yearly without months: each 31 August when the text speaks of the school year
 *     («по итогам учебного года», «в течение учебного года»), otherwise each 31 December
 *     («ежегодно», «по итогам года», «в течение года»); the range end when no such day
 *     falls inside;
 *   · monthly: the last day of each month, or the day named («ежемесячно до 10 числа» → the
 *     10th; a month without that day, its last day); quarterly: the last day of each calendar
 *     quarter, or the day named in the month after each quarter («ежеквартально до 10
 *     числа» → 10 January, 10 April, 10 July, 10 October);
 *   · per half year: each 30 June and 31 December; each school quarter («по итогам
 *     четверти», «1 раз в четверть»): 31 October, 31 December, 31 March, 31 May; the range
 *     end when none falls inside;
 *   · weekly: each Sunday, the last day of a calendar week, or the weekday named
 *     («по пятницам»), at most 60;
 *   · N times per school year: each school year's part of the range is split into N runs
 *     of whole months, each due on the last day of its run (2 in 2020/2021 → 2021-02-28,
 *     2021-08-31); N times per year: the same over 12-month windows from the range start.
 */
import { formatDate } from "@/lib/dates";
import { fullYear, isoDate } from "@/lib/domain/requisites/russian-dates";
import { parseSchoolYear, schoolYearOf, type SchoolYear } from "./school-year";
import {
  EDGE_PUNCTUATION,
  MONTH_WORD,
  MONTHS_NOMINATIVE,
  addDays,
  dayOfMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  monthNumber,
  monthOf,
  validIso,
  yearOf,
} from "./timing-calendar";
import { PART_MONTHS, describePart, parseWrittenPart, type WrittenPart, type YearPart, type YearPartUnit } from "./timing-parts";
import { describeRecurrence, detectRecurrence, dueDates, type Recurrence } from "./timing-recurrence";

export { RECURRENCE_FREQUENCIES, type Recurrence } from "./timing-recurrence";
export type { YearPart } from "./timing-parts";

export const TIMING_KINDS = ["exact", "range", "month", "deadline", "period", "recurring", "unknown"] as const;
export type TimingKind = (typeof TIMING_KINDS)[number];

export interface TimingContext {
  schoolYear?: SchoolYear | null;
  /** The plan's range, for recurring occurrences and yearless months. */
  planStart?: string | null;
  planEnd?: string | null;
}

export interface ParsedTiming {
  kind: TimingKind;
  start: string | null;
  end: string | null;
  /** The input, trimmed, whitespace squeezed. */
  text: string;
  /** A period written as a part of a year: «II квартал 2022 г.» → { unit: "quarter", from: 2, to: 2 }. */
  part?: YearPart;
  recurrence?: Recurrence;
  /** Recurring only: due dates inside the context range, ascending ISO. */
  dueDates?: string[];
}

const MAX_LENGTH = 1000;

// ---------------------------------------------------------------- context

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

/**
 * The year a yearless date (a day of `first`), month, or run of months from `first` to `last`
 * (into the next year when last < first) starts in, from the school year or the plan range.
 */
function yearFromContext(first: number, last: number, day: number | null, context: Context): number | null {
  if (context.schoolYear) {
    const year = yearOf(context.schoolYear.start);
    return first >= 9 ? year : year + 1;
  }
  if (context.planStart) {
    const year = yearOf(context.planStart);
    const end = day === null ? lastDayOfMonth(last < first ? year + 1 : year, last) : dayOfMonth(year, first, day);
    return end < context.planStart ? year + 1 : year;
  }
  if (context.planEnd) {
    const year = yearOf(context.planEnd);
    const start = day === null ? firstDayOfMonth(year, first) : dayOfMonth(year, first, day);
    return start > context.planEnd ? year - 1 : year;
  }
  return null;
}

/** Plans with a school year, or a range from 1 September, count their half-years in school years. */
function countsInSchoolYears(context: Context): boolean {
  if (context.schoolYear) return true;
  return context.planStart ? context.planStart.endsWith("-09-01") : (context.planEnd?.endsWith("-08-31") ?? false);
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
  const year = yearFromContext(side.month, side.month, side.type === "date" ? side.day : null, context);
  return year === null ? null : { ...side, year };
}

interface Span {
  kind: TimingKind;
  start: string | null;
  end: string | null;
  part?: YearPart;
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
  if (!left && !right) return partPair(leftText, rightText, context);
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

// ---------------------------------------------------------------- parts of a year

function partUnit(written: WrittenPart, context: Context): YearPartUnit {
  if (written.unit !== "half") return written.unit;
  if (written.year.type === "calendar") return "half-year";
  if (written.year.type === "school") return "school-half-year";
  return countsInSchoolYears(context) ? "school-half-year" : "half-year";
}

/** «II квартал 2022 г.», «в I квартале», «в течение I полугодия 2021/2022 уч. года», «III четверть»; null when not a part. */
function yearPart(text: string, context: Context): Span | null {
  const written = parseWrittenPart(text);
  if (!written) return null;
  const unit = partUnit(written, context);
  const first = PART_MONTHS[unit][written.from - 1]![0];
  const last = PART_MONTHS[unit][written.to - 1]![1];
  const { year } = written;
  const startYear =
    year.type === "calendar"
      ? year.year
      : year.type === "school" && year.firstYear !== null
        ? first >= 9
          ? year.firstYear
          : year.firstYear + 1
        : yearFromContext(first, last, null, context);
  if (startYear === null || startYear < 1000) return UNKNOWN;
  return {
    kind: "period",
    start: firstDayOfMonth(startYear, first),
    end: lastDayOfMonth(last < first ? startYear + 1 : startYear, last),
    part: { unit, from: written.from, to: written.to },
  };
}

/** «IV квартал 2021 г. – I квартал 2022 г.»: from the first part's start to the second's end. */
function partPair(leftText: string, rightText: string, context: Context): Span {
  const first = yearPart(leftText, context);
  const last = yearPart(rightText, context);
  if (!first?.start || !last?.end || first.start > last.end) return UNKNOWN;
  return { kind: "period", start: first.start, end: last.end };
}

// ---------------------------------------------------------------- whole wordings

/** «в течение учебного года» and the like: the school year, else the plan range. */
function wholeYear(context: Context): Span {
  if (context.schoolYear) return { kind: "period", start: context.schoolYear.start, end: context.schoolYear.end };
  return { kind: "period", start: context.planStart, end: context.planEnd };
}

const WHOLE_YEAR =
  /^(?:(?:в течение|в течении|на протяжении|весь|в|за)\s+)?(?:всего\s+)?(?:(?:учебного|учебный|учебном)\s+)?(?:года|год|году)$/;
const WHOLE_PLAN = /^(?:постоянно|в течение (?:всего )?периода|весь период|на протяжении (?:всего )?периода)$/;
const DEADLINE = /^(?:до|не позднее|не позже|к|в срок до|срок до|срок|перед)\s+(.+)$/;
/** «по итогам I полугодия», «в конце учебного года»: by the end of it. */
const BY_THE_END = /^(?:по итогам|по окончании|по завершении|по результатам|в конце)\s+(.+)$/;
const END_OF = /^(?:конца|концу|окончания|окончанию|завершения)\s+(.+)$/;
const START_OF = /^(?:начала|началу|началом)\s+(?:(?:нового|следующего|очередного)\s+)?(.+)$/;
const SCHOOL_YEAR_WORDS = /^(?:(?:учебного|уч\.?)\s*(?:года|г\.?)|(?:новому|следующему|очередному)\s+учебному\s+году)$/;
/** A school year written after the rest: «сентябрь-май 2020/2021 уч. года»; a dash alone needs the school words. */
const SCHOOL_YEAR_TAIL =
  /^(.+?)\s+(\d{4}\s*(?:\/\s*(?:\d{4}|\d{2})|-(?:\d{4}|\d{2})(?=\s*уч))(?:\s*(?:учебн\p{L}*|уч\.?)(?:\s*(?:год\p{L}*|г\.?))?)?)$/u;
const MONTH_LIST = new RegExp(`^(?:(?:в|во)\\s+)?(${MONTH_WORD}(?:(?:\\s*,\\s*|\\s+и\\s+)${MONTH_WORD})+)(?: (\\d{4}))?$`, "u");

/** The eve of the next school year: the last day of the plan's school year. */
function eveOfNextSchoolYear(context: Context): string | null {
  if (context.schoolYear) return context.schoolYear.end;
  return context.rangeStart ? schoolYearOf(context.rangeStart).end : null;
}

/** What «конца …», «начала …» name: a date, month, year, part of a year, school year or «(учебного) года». */
function named(what: string, context: Context): Span | null {
  const span = datedText(what, context);
  return span.kind === "exact" || span.kind === "month" || span.kind === "period" ? span : null;
}

function deadline(rest: string, context: Context): Span {
  const endOf = END_OF.exec(rest);
  if (endOf) {
    const span = named(endOf[1] ?? "", context);
    return span ? { kind: "deadline", start: null, end: span.end } : UNKNOWN;
  }
  const startOf = START_OF.exec(rest);
  if (startOf || SCHOOL_YEAR_WORDS.test(rest)) {
    const what = startOf?.[1] ?? rest;
    if (SCHOOL_YEAR_WORDS.test(what)) return { kind: "deadline", start: null, end: eveOfNextSchoolYear(context) };
    // «к началу года»: which year is not said.
    const span = WHOLE_YEAR.test(what) ? null : named(what, context);
    return span?.start ? { kind: "deadline", start: null, end: addDays(span.start, -1) } : UNKNOWN;
  }
  const side = parseSide(rest);
  if (!side || side.type === "day") {
    // «до II квартала 2022 г.»: before it starts, as «до декабря».
    const part = yearPart(rest, context);
    return part?.start ? { kind: "deadline", start: null, end: addDays(part.start, -1) } : UNKNOWN;
  }
  const dated = withYear(side, context);
  const span = dated && spanOf(dated);
  if (!span) return UNKNOWN;
  // «до декабря 2020»: before December starts; «до 2024 года»: through 2024.
  return { kind: "deadline", start: null, end: side.type === "month" ? addDays(span[0], -1) : span[1] };
}

/** «сентябрь – май 2020/2021 уч. года», «в течение 2020/2021 учебного года»: the rest read in that school year. */
function inSchoolYear(text: string): Span | null {
  const match = SCHOOL_YEAR_TAIL.exec(text);
  const schoolYear = match ? parseSchoolYear(match[2] ?? "") : null;
  if (!match || !schoolYear) return null;
  const head = match[1] ?? "";
  if (/^(?:в течение|в течении|на протяжении|весь|в|на|за)$/.test(head))
    return { kind: "period", start: schoolYear.start, end: schoolYear.end };
  const inside: Context = { schoolYear, planStart: null, planEnd: null, rangeStart: schoolYear.start, rangeEnd: schoolYear.end };
  const span = datedText(head, inside);
  return span.kind === "unknown" ? null : span;
}

/** «июль, август», «в июле и августе 2021 г.»: consecutive months are one range; others are not a timing. */
function monthList(text: string, context: Context): Span | null {
  const match = MONTH_LIST.exec(text);
  if (!match) return null;
  const words = (match[1] ?? "").split(/\s*,\s*|\s+и\s+/);
  const months = words.map(monthNumber);
  const consecutive = months.every((m, i) => m !== null && (i === 0 || m === ((months[i - 1] ?? 0) % 12) + 1));
  if (!consecutive) return UNKNOWN;
  return pair(words[0] ?? "", `${words[words.length - 1] ?? ""}${match[2] ? ` ${match[2]}` : ""}`, context);
}

function dated(normalized: string, context: Context): Span {
  // «2020-2021 гг.» are two calendar years, not the school year.
  return datedText(core(normalized), context, /\d\s*гг(?!\p{L})/u.test(normalized));
}

function datedText(text: string, context: Context, calendarYears = false): Span {
  if (!text) return UNKNOWN;

  if (WHOLE_YEAR.test(text)) return wholeYear(context);
  if (WHOLE_PLAN.test(text)) return { kind: "period", start: context.rangeStart, end: context.rangeEnd };

  // «2020-2021 учебный год», «2020/2021».
  const schoolYear = calendarYears ? null : parseSchoolYear(text);
  if (schoolYear) return { kind: "period", start: schoolYear.start, end: schoolYear.end };

  const byTheEnd = BY_THE_END.exec(text);
  if (byTheEnd) return deadline(`конца ${byTheEnd[1] ?? ""}`, context);

  const until = DEADLINE.exec(text);
  if (until) return deadline(until[1] ?? "", context);

  const part = yearPart(text, context);
  if (part) return part;

  const withSchoolYear = calendarYears ? null : inSchoolYear(text);
  if (withSchoolYear) return withSchoolYear;

  const list = monthList(text, context);
  if (list) return list;

  const fromTo = /^(?:с|со|от)\s+(.+?)\s+(?:по|до)\s+(.+)$/.exec(text);
  if (fromTo) return pair(fromTo[1] ?? "", fromTo[2] ?? "", context);

  const parts = text.split("-");
  if (parts.length === 2) return pair((parts[0] ?? "").replace(/^(?:с|со|от|в)\s+/, ""), parts[1] ?? "", context);
  if (parts.length > 2) return UNKNOWN;

  return single(text.replace(/^(?:(?:в течение|в течении|в|во|на)\s+)/, ""), context);
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
    const { kind, start, end, part } = dated(normalized, ctx);
    if (kind === "unknown") return unknown;
    return part ? { kind, start, end, text: original, part } : { kind, start, end, text: original };
  } catch {
    return unknown;
  }
}

/** A short Russian description for a preview: «точная дата: 22.09.2020», «до 02.11.2020», «II квартал 2022 года: …» */
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
      if (p.part && p.start && p.end) return describePart(p.part, p.start, p.end);
      if (p.start && p.end) return `период: ${date(p.start)} – ${date(p.end)}`;
      if (p.start) return `период: с ${date(p.start)}`;
      if (p.end) return `период: по ${date(p.end)}`;
      return "период без дат — укажите учебный год";
    case "recurring":
      return describeRecurrence(p.recurrence ?? { frequency: "yearly" }, p.dueDates?.length ?? 0);
    case "unknown":
      return "не распознано — сохранено как текст";
  }
}
