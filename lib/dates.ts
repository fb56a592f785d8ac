/** "2022-12-06" or a Date → "06.12.2022", as Russian documents write dates. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}
