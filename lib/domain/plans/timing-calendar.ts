/** Calendar arithmetic on ISO dates and Russian month names, for the timing parser. Pure. */
import { MONTHS_GENITIVE, isoDate } from "@/lib/domain/requisites/russian-dates";

export const MONTHS_NOMINATIVE = [
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
/** A month name in any case, as a regular expression source (lower case, «ё» read as «е»). */
export const MONTH_WORD = `(?:${MONTH_PATTERNS.join("|")})(?!\\p{L})`;
const MONTH_RES = MONTH_PATTERNS.map((pattern) => new RegExp(`^${pattern}$`, "u"));

export function monthNumber(word: string): number | null {
  const index = MONTH_RES.findIndex((re) => re.test(word));
  return index < 0 ? null : index + 1;
}

/** Punctuation and spaces at either edge of a wording. */
export const EDGE_PUNCTUATION = /^[\s.,;:!?-]+|[\s.,;:!?]+$/g;

/** Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not. */
function utcDate(year: number, monthIndex: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.toISOString().slice(0, 10);
}

export function lastDayOfMonth(year: number, month: number): string {
  return utcDate(year, month, 0);
}

export function firstDayOfMonth(year: number, month: number): string {
  return utcDate(year, month - 1, 1);
}

/** The day of a month, or its last day when the month is shorter («до 31 числа» in February). */
export function dayOfMonth(year: number, month: number, day: number): string {
  return isoDate(year, month, day) ?? lastDayOfMonth(year, month);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}

export function addMonths(iso: string, months: number): string {
  const total = yearOf(iso) * 12 + monthOf(iso) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayOfMonth(year, month, Number(iso.slice(8, 10)));
}

/** Every (year, month) from the month of `start` to the month of `end`. */
export function monthsBetween(start: string, end: string): Array<[number, number]> {
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

/** A context date, or null unless it is a real ISO date. */
export function validIso(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
