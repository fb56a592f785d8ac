import Link from "next/link";
import type { Page } from "@/lib/paging";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { FindingDeadline, RemediationStatusBadge, SeverityBadge } from "./finding-badges";

/**
 * The findings of one accepted blank, for its page: each links to its card, and
 * the whole list to /findings filtered by the blank.
 */
export function BlankFindings({ blankId, page }: { blankId: string; page: Page<FindingRow> }) {
  if (page.total === 0) return <p className="text-sm text-muted-foreground">Замечаний по бланку нет.</p>;
  return (
    <div className="space-y-3 text-sm">
      <ul className="divide-y divide-border" aria-label="Замечания по бланку">
        {page.rows.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <Link href={`/findings/${f.id}`} className="text-primary hover:underline">
              {f.itemNumber} {f.itemTitle}
            </Link>
            <span>{f.statusLabel}</span>
            <SeverityBadge severity={f.severity} />
            <span>
              срок: <FindingDeadline deadline={f.deadline} overdue={f.overdue} />
            </span>
            <RemediationStatusBadge status={f.remediationStatus} />
          </li>
        ))}
      </ul>
      <Link href={`/findings?blankId=${blankId}`} className="text-primary underline">
        Все замечания по бланку ({page.total})
      </Link>
    </div>
  );
}
