import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { parseTiming, type ParsedTiming } from "@/lib/domain/plans/parse-timing";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";
import { isoDate } from "@/lib/domain/requisites/russian-dates";

const USAGE = 'parse-date "<text>" [--school-year 2020/2021] [--from YYYY-MM-DD --to YYYY-MM-DD]';

export type ParseDateOutput = Pick<ParsedTiming, "kind" | "start" | "end" | "text" | "part" | "dueDates" | "recurrence">;

function dateOption(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const iso = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!iso) throw new AppError("VALIDATION", `Дата --${name} пишется как 2020-09-01.`);
  return iso;
}

/**
 * `parse-date "<text>" [--school-year 2020/2021] [--from YYYY-MM-DD --to YYYY-MM-DD]`:
 * how a timing reads — kind, start, end, text; for a part of a year («II квартал 2022 г.»)
 * the part; for recurring timings their due dates and recurrence. Unknown wording is not an
 * error (kind "unknown").
 */
export async function parseDateCommand(args: string[]): Promise<ParseDateOutput> {
  const { values, positionals } = parseArgs({
    args,
    options: { "school-year": { type: "string" }, from: { type: "string" }, to: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const text = positionals.join(" ");
  if (!text.trim()) throw new AppError("VALIDATION", `Нужен текст срока: ${USAGE}`);

  const schoolYearText = values["school-year"];
  const schoolYear = schoolYearText === undefined ? null : parseSchoolYear(schoolYearText);
  if (schoolYearText !== undefined && !schoolYear) throw new AppError("VALIDATION", "Учебный год пишется как 2020/2021.");
  const planStart = dateOption(values.from, "from");
  const planEnd = dateOption(values.to, "to");
  if ((planStart === null) !== (planEnd === null)) throw new AppError("VALIDATION", "Даты --from и --to указываются вместе.");
  if (planStart && planEnd && planStart > planEnd) throw new AppError("VALIDATION", "Дата --from позже даты --to.");

  const parsed = parseTiming(text, { schoolYear, planStart, planEnd });
  const { kind, start, end } = parsed;
  if (kind !== "recurring")
    return parsed.part ? { kind, start, end, text: parsed.text, part: parsed.part } : { kind, start, end, text: parsed.text };
  return { kind, start, end, text: parsed.text, dueDates: parsed.dueDates ?? [], recurrence: parsed.recurrence };
}
