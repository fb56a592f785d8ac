/** "2022-12-06" or a Date → "06.12.2022", as Russian documents write dates. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** Russia's easternmost local date: a date that is "today" anywhere in the country is never refused. */
export function latestLocalToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kamchatka" }).format(now);
}

/**
 * Russia's westernmost local date. A deadline is "in the past" only once its day
 * has ended everywhere in the country, and a finding is overdue from then on:
 * a deadline that may be set is never already overdue.
 */
export function earliestLocalToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kaliningrad" }).format(now);
}

/**
 * The date a document issued now carries: Moscow's, the reference time of Russian
 * official documents (regions keep no time zone of their own here yet).
 */
export function documentDate(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);
}
