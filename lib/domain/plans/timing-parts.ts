/**
 * Named parts of a year as plans write them: calendar quarters («II квартал 2022 г.»,
 * «в I квартале», «I кв. 2022»), half-years («2 полугодие 2022 года», «во втором
 * полугодии») and school quarters («III четверть»). Pure.
 *
 * The app's conventions:
 * - «квартал» is a calendar quarter: I January–March … IV October–December.
 * - «полугодие» with a calendar year («I полугодие 2022 г.») is a calendar half-year
 *   (January–June, July–December); with a school year («… 2021/2022 уч. года»), or without
 *   a year in a plan that counts in school years, a school half-year: I 1 September –
 *   31 December, II 1 January – 31 May (the summer belongs to neither).
 * - «четверть» is a school quarter: I 1 September – 31 October, II 1 November –
 *   31 December, III 1 January – 31 March, IV 1 April – 31 May.
 */
import { formatDate } from "@/lib/dates";
import { roman } from "./plan-labels";
import { schoolYearOf, parseSchoolYear } from "./school-year";
import { yearOf } from "./timing-calendar";

export const YEAR_PART_UNITS = ["quarter", "half-year", "school-half-year", "school-quarter"] as const;
export type YearPartUnit = (typeof YEAR_PART_UNITS)[number];

/** The part (or run of parts) a period was written as: «I–II кварталы» → { unit: "quarter", from: 1, to: 2 }. */
export interface YearPart {
  unit: YearPartUnit;
  from: number;
  to: number;
}

/** Each part's first and last month. */
export const PART_MONTHS: Record<YearPartUnit, ReadonlyArray<readonly [number, number]>> = {
  quarter: [
    [1, 3],
    [4, 6],
    [7, 9],
    [10, 12],
  ],
  "half-year": [
    [1, 6],
    [7, 12],
  ],
  "school-half-year": [
    [9, 12],
    [1, 5],
  ],
  "school-quarter": [
    [9, 10],
    [11, 12],
    [1, 3],
    [4, 5],
  ],
};

/** The year a part is written in: none, a calendar year, a school year (its first year), or «учебного года» without digits. */
export type WrittenYear = { type: "none" } | { type: "calendar"; year: number } | { type: "school"; firstYear: number | null };

export interface WrittenPart {
  /** «полугодие» is "half" until the year or the context says calendar or school. */
  unit: "quarter" | "half" | "school-quarter";
  from: number;
  to: number;
  year: WrittenYear;
}

const ORDINAL =
  "iv|iii|ii|i|[1-4](?:-?(?:ого|го|ой|ом|й|е|м|я|ю))?|перв\\p{L}*|втор\\p{L}*|трет\\p{L}*|четверт(?:ый|ое|ого|ом|ая|ой|ую|ые|ых)";
const UNIT = "квартал\\p{L}*|кв\\.?|полугоди\\p{L}*|четверт(?:ь|и|ей|ям|ях|ью)";
const PREFIX = "(?:(?:в течение|в течении|на протяжении|в|во|на|за)\\s+)?";
/** «в течение I полугодия 2021/2022 уч. года», «I–II кварталы 2022», «во 2-м полугодии», «III кв. 2021». */
const PART = new RegExp(`^${PREFIX}(${ORDINAL})(?:\\s*(?:-|и|,)\\s*(${ORDINAL}))?\\s+(${UNIT})(?![\\p{L}\\d])\\s*(.*)$`, "u");
/** A part's noun anywhere in a longer text, with its ordinal: for «ежегодно во II квартале». */
export const PART_ANYWHERE = new RegExp(`(?<![\\p{L}\\d])(?:(?:в|во)\\s+)?(${ORDINAL})\\s+(${UNIT})(?![\\p{L}\\d])`, "gu");

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const WORD_STEMS: Array<[string, number]> = [
  ["перв", 1],
  ["втор", 2],
  ["трет", 3],
  ["четверт", 4],
];

function ordinalValue(word: string): number | null {
  if (ROMAN[word] !== undefined) return ROMAN[word];
  if (/^[1-4]/.test(word)) return Number(word[0]);
  return WORD_STEMS.find(([stem]) => word.startsWith(stem))?.[1] ?? null;
}

function unitOf(noun: string): WrittenPart["unit"] {
  if (noun.startsWith("кв")) return "quarter";
  if (noun.startsWith("полугод")) return "half";
  return "school-quarter";
}

function writtenYear(rest: string): WrittenYear | null {
  const text = rest.trim();
  if (!text) return { type: "none" };
  if (/^\d{4}$/.test(text)) return { type: "calendar", year: Number(text) };
  if (/^(?:текущего\s+)?(?:учебного|уч\.?)\s*(?:года|г\.?)$/.test(text)) return { type: "school", firstYear: null };
  const schoolYear = parseSchoolYear(text);
  return schoolYear ? { type: "school", firstYear: yearOf(schoolYear.start) } : null;
}

/** The ordinal and noun of one part used on its own: «II квартал», «во 2-м полугодии». */
export function partOf(ordinal: string, noun: string): { unit: WrittenPart["unit"]; number: number } | null {
  const number = ordinalValue(ordinal);
  const unit = unitOf(noun);
  const count = unit === "half" ? 2 : 4;
  return number !== null && number <= count ? { unit, number } : null;
}

/** A whole wording that names a part or a run of parts, with its year as written; null for anything else. */
export function parseWrittenPart(text: string): WrittenPart | null {
  const match = PART.exec(text);
  if (!match) return null;
  const first = partOf(match[1] ?? "", match[3] ?? "");
  const last = match[2] === undefined ? first : partOf(match[2], match[3] ?? "");
  const year = writtenYear(match[4] ?? "");
  if (!first || !last || !year || first.number > last.number) return null;
  return { unit: first.unit, from: first.number, to: last.number, year };
}

const NOUNS: Record<YearPartUnit, [one: string, many: string]> = {
  quarter: ["квартал", "кварталы"],
  "half-year": ["полугодие", "полугодия"],
  "school-half-year": ["полугодие", "полугодия"],
  "school-quarter": ["четверть", "четверти"],
};

/** «II квартал 2022 года: 01.04.2022 – 30.06.2022», «I полугодие 2020/2021 учебного года: 01.09.2020 – 31.12.2020». */
export function describePart(part: YearPart, start: string, end: string): string {
  const [one, many] = NOUNS[part.unit];
  const label = part.from === part.to ? `${roman(part.from)} ${one}` : `${roman(part.from)} – ${roman(part.to)} ${many}`;
  const school = part.unit === "school-half-year" || part.unit === "school-quarter";
  const year = school
    ? `${schoolYearOf(start).label} учебного года`
    : yearOf(start) === yearOf(end)
      ? `${yearOf(start)} года`
      : `${yearOf(start)}–${yearOf(end)} годов`;
  return `${label} ${year}: ${formatDate(start)} – ${formatDate(end)}`;
}
