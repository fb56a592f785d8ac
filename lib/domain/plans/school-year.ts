/** Russian school years (1 September – 31 August), as plans and reports name them. Pure. */

export interface SchoolYear {
  /** "2020/2021" */
  label: string;
  /** "2020-09-01" */
  start: string;
  /** "2021-08-31" */
  end: string;
}

/** The school year that starts on 1 September of `firstYear`. */
export function schoolYearStarting(firstYear: number): SchoolYear {
  const pad = (year: number) => String(year).padStart(4, "0");
  return { label: `${pad(firstYear)}/${pad(firstYear + 1)}`, start: `${pad(firstYear)}-09-01`, end: `${pad(firstYear + 1)}-08-31` };
}

/** The second year as written ("2021" or "21"), or null unless it is the year after `first`. */
function followingYear(first: number, written: string): number | null {
  if (written.length === 4) return Number(written) === first + 1 ? first + 1 : null;
  return Number(written) === (first + 1) % 100 ? first + 1 : null;
}

const DASH = "[-/\u2010-\u2015\u2212]";
const SCHOOL_WORDS = "(?:учебн[а-яё]*|уч\\.?)(?:\\s*(?:год[а-яё]*|г\\.?))?";
const WHOLE = new RegExp(`^(?:(?:на|в|за)\\s+)?(\\d{4})\\s*${DASH}\\s*(\\d{4}|\\d{2})\\s*(?:${SCHOOL_WORDS}|гг?\\.?)?$`, "i");

/**
 * "2020/2021", "2020-2021", "2020–2021", "2020/21", "2020-2021 учебный год",
 * "на 2020-2021 учебный год" → the school year; null for anything else, and when
 * the second year is not the first plus one ("2020/2022").
 */
export function parseSchoolYear(text: string): SchoolYear | null {
  if (typeof text !== "string") return null;
  const match = WHOLE.exec(
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.,;:]+$/, ""),
  );
  if (!match) return null;
  const first = Number(match[1]);
  const second = followingYear(first, match[2] ?? "");
  return second === null ? null : schoolYearStarting(first);
}

/** The school year a date (ISO, "2020-10-05") falls in: September starts the year. */
export function schoolYearOf(isoDate: string): SchoolYear {
  const match = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const year = Number(match[1]);
  return schoolYearStarting(Number(match[2]) >= 9 ? year : year - 1);
}

/** "2020-2021 учебный год", "2020/21 уч. г." anywhere in a text. */
const WITH_WORDS = new RegExp(`(?<![\\d№/])(\\d{4})\\s*${DASH}\\s*(\\d{4}|\\d{2})(?!\\d)\\s*(?=учебн|уч\\.)`, "gi");
/** "2020/2021" anywhere in a text: a slash and two full years need no words. */
const SLASHED = /(?<![\d№/])(\d{4})\s*\/\s*(\d{4})(?![\d/])/g;

/**
 * The school year a longer title names: «Отчет о выполнении мероприятий муниципальной
 * дорожной карты на 2020-2021 учебный год …» → 2020/2021. Null when it names none.
 */
export function schoolYearFromText(text: string): SchoolYear | null {
  if (typeof text !== "string") return null;
  for (const pattern of [WITH_WORDS, SLASHED]) {
    for (const match of text.matchAll(pattern)) {
      const first = Number(match[1]);
      if (followingYear(first, match[2] ?? "") !== null) return schoolYearStarting(first);
    }
  }
  return null;
}
