import "server-only";
import type { Scope } from "@/lib/scope";
import { ZFindingListQuery } from "@/lib/schemas/finding";
import { listFindings } from "./list-findings";

/** The same list on /findings: unresolved, earliest deadline first. */
export const FINDINGS_TO_FIX_HREF = "/findings?unresolved=1&sort=deadline&dir=asc";

/**
 * The homes' «Замечания к устранению»: the findings the caller can see that are not
 * fixed yet or were returned to work, earliest deadline first, so the overdue ones lead.
 * The card shows no remarks (they are a click away), so it does not read them.
 */
export function listFindingsToFix(options: { scope: Scope; today?: string; pageSize?: number }) {
  const query = ZFindingListQuery.parse({ unresolved: true, sort: "deadline", dir: "asc", pageSize: options.pageSize ?? 5 });
  return listFindings({ scope: options.scope, today: options.today, query, withoutRemarks: true, countWhenFull: true });
}
