import { isAnswered, type AuditMark, type TBlankAnswer } from "@/lib/schemas/blank";
import type { TTemplateItem } from "@/lib/schemas/template";
import type { ItemStatus } from "./statuses";

export interface ScoredAnswer {
  value: TBlankAnswer | null;
  mark: AuditMark | null;
}

export interface ItemContext {
  /** The campaign's date (YYYY-MM-DD): annual-update documents must be dated within 12 months before it. */
  campaignDate: string | null;
  /** The count the product's own records give for this item, when it holds them. */
  officialCount?: number | null;
}

/** The date twelve months before a date (29 February falls back to the 28th). */
export function twelveMonthsBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = Math.min(d, new Date(Date.UTC(y - 1, m, 0)).getUTCDate());
  return `${y - 1}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * One item's status, by precedence: the auditor's "not applicable", then
 * "not answered", the auditor's "does not match", absence, a count that
 * differs from our records, incomplete requisites, an outdated annual document,
 * the auditor's "partly"; otherwise compliant.
 */
export function itemStatus(item: TTemplateItem, answer: ScoredAnswer | undefined, context: ItemContext): ItemStatus {
  const value = answer?.value ?? null;
  const mark = answer?.mark ?? null;
  if (mark === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  if (!value || (!isAnswered(value) && value.kind !== "COUNT")) return "NOT_ANSWERED";
  if (mark === "MISMATCH") return "MISMATCH";
  if (value.kind === "DOCUMENT" && !value.present) return "ABSENT";
  if (value.kind === "PRESENCE" && value.present === false) return "ABSENT";
  if (value.kind === "COUNT" && value.count === null) return "ABSENT";
  if (value.kind === "COUNT" && context.officialCount != null && value.count !== context.officialCount) return "MISMATCH";
  if (value.kind === "DOCUMENT" && (!value.date || !value.number)) return "INCOMPLETE_REQUISITES";
  if (item.annualUpdate && value.kind === "DOCUMENT" && context.campaignDate && value.date! < twelveMonthsBefore(context.campaignDate)) {
    return "OUTDATED";
  }
  if (mark === "PARTIAL") return "PARTIAL";
  return "COMPLIANT";
}
