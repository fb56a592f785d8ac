import { formatDate } from "@/lib/dates";
import { readEventTiming } from "@/lib/domain/plans/event-timing";
import { describeTiming, parseTiming } from "@/lib/domain/plans/parse-timing";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";

/** The plan's range as a form has it so far: any part may be missing or half typed. */
export interface DraftRange {
  schoolYear?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

const SHOWN_DUE_DATES = 6;
const isoOrNull = (value: string | null | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** How a typed timing is read in the plan's context, in words: «до 30.09.2013», «ежегодно: август (1 срок)»… Pure. */
export function describeReading(text: string, range: DraftRange): string {
  if (!text.trim()) return "";
  const startsOn = isoOrNull(range.startsOn);
  const endsOn = isoOrNull(range.endsOn);
  // With the whole range known, exactly as the server will store it.
  const parsed =
    startsOn && endsOn
      ? readEventTiming(text, { schoolYear: range.schoolYear ?? null, startsOn, endsOn }).parsed
      : parseTiming(text, {
          schoolYear: range.schoolYear ? parseSchoolYear(range.schoolYear) : null,
          planStart: startsOn,
          planEnd: endsOn,
        });
  const due = parsed.kind === "recurring" ? (parsed.dueDates ?? []) : [];
  const dates = due.length
    ? `; сроки: ${due.slice(0, SHOWN_DUE_DATES).map(formatDate).join(", ")}${due.length > SHOWN_DUE_DATES ? " …" : ""}`
    : "";
  return `${describeTiming(parsed)}${dates}`;
}

/** «Прочитано как: …» under a timing field; the field points at it with aria-describedby. */
export function TimingReading(props: { id: string; text: string; range: DraftRange }) {
  const reading = describeReading(props.text, props.range);
  return (
    <p id={props.id} className="text-xs text-muted-foreground">
      {reading
        ? `Прочитано как: ${reading}`
        : "Например: «до 30 сентября 2013 г.», «Октябрь 2020 года», «II квартал 2022 г.», «Ежегодно август», «ежемесячно до 10 числа»."}
    </p>
  );
}
