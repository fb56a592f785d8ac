import { cellText } from "@/lib/domain/templates/xlsx-cells";
import type { CellData } from "./workbook-data";

/* How a workbook's cell (lib/domain/files/workbook-data.ts) is read as text by the imports. Pure. */

/**
 * A cell as the person saw it: a number with its number format applied (a phone
 * 2-31-80, a number 000123), a date ДД.ММ.ГГГГ, a formula by its cached result, a
 * link by its text, rich text's runs joined.
 */
export function shownText(cell: CellData): string {
  return cell.shown ?? cellText(cell.value);
}

/** A formula is taken as the text typed, never as its result: "=HYPERLINK(…)" stays that text. */
export function formulaAsTyped(cell: CellData): string {
  const value = cell.value;
  if (value !== null && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
    return `=${value.formula}`;
  }
  return shownText(cell);
}
