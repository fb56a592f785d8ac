/** Calendar months as "YYYY-MM" keys, for the plan timeline. Pure. */

const SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"] as const;

export const monthOf = (iso: string) => iso.slice(0, 7);

/** Every month from the one of `start` to the one of `end` (ISO dates), inclusive. */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const last = monthOf(end);
  for (let key = monthOf(start); key <= last; key = `${year}-${String(month).padStart(2, "0")}`) {
    out.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** "2020-09" → «сен 2020». */
export function monthLabel(key: string): string {
  return `${SHORT[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

/** The school year (by the year of its September) a month falls in: "2021-03" → 2020. */
export const schoolYearOf = (key: string) => Number(key.slice(0, 4)) - (Number(key.slice(5, 7)) < 9 ? 1 : 0);

/** Every month of the school years from the one of `start` to the one of `end`: September to August, whole. */
export function schoolYearMonths(start: string, end: string): string[] {
  return monthsBetween(`${schoolYearOf(monthOf(start))}-09-01`, `${schoolYearOf(monthOf(end)) + 1}-08-01`);
}

/** 2020 → «2020/21». */
export const schoolYearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
