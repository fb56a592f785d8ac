/** Russian dates as documents write them, to ISO (YYYY-MM-DD). Pure. */

export const MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;

/** A calendar date, or null when it does not exist (31.02.2021). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
export function fullYear(year: string): number {
  const n = Number(year);
  return year.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

const NUMERIC = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/;
const WORDS = new RegExp(`«?(\\d{1,2})»?\\s+(${MONTHS_GENITIVE.join("|")})\\s+(\\d{4})`, "i");

export interface FoundDate {
  /** ISO date, or null when the written date does not exist. */
  iso: string | null;
  written: string;
  index: number;
}

/** The first date in a text: 22.07.2021, 22.07.21, «22» июля 2021 г., 22 июля 2021 года. */
export function findDate(text: string): FoundDate | null {
  const numeric = NUMERIC.exec(text);
  const words = WORDS.exec(text);
  const first = [numeric, words].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const [written, day, month, year] = first as unknown as [string, string, string, string];
  const monthNumber =
    first === words ? MONTHS_GENITIVE.indexOf(month.toLowerCase() as (typeof MONTHS_GENITIVE)[number]) + 1 : Number(month);
  return { iso: isoDate(fullYear(year), monthNumber, Number(day)), written, index: first.index };
}
