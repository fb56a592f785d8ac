/** Numbers as the dashboard prints them (Russian decimal comma). */

const oneDecimal = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** A score or a share in percent: "66,7 %"; none is "—". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${oneDecimal.format(value)} %`;
}

/** A change in points with its sign: "+5,5", "−2", "0"; none is "—". */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value === 0) return "0";
  return `${value > 0 ? "+" : "−"}${oneDecimal.format(Math.abs(value))}`;
}
