import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import type { Scope } from "@/lib/scope";
import { FINDINGS_TO_FIX_HREF, listFindingsToFix } from "@/lib/server/findings/list-findings-to-fix";
import { FindingDeadline, RemediationStatusBadge } from "./finding-badges";

const TITLE = "Замечания к устранению";

/** A home's card of the caller's findings still to fix, overdue first, each with its deadline. */
export async function FindingsToFix({ scope }: { scope: Scope }) {
  const page = await listFindingsToFix({ scope });
  return (
    <Card aria-labelledby="findings-to-fix-title">
      <CardTitle id="findings-to-fix-title">{TITLE}</CardTitle>
      {page.rows.length === 0 ? (
        <p className="text-muted-foreground">Неустранённых замечаний нет.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={TITLE}>
          {page.rows.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <Link href={`/findings/${f.id}`} className="text-primary hover:underline">
                {f.itemNumber} {f.itemTitle}
              </Link>
              <RemediationStatusBadge status={f.remediationStatus} />
              <span className="text-sm text-muted-foreground">
                {f.participant} · {f.campaignName} · срок <FindingDeadline deadline={f.deadline} overdue={f.overdue} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href={FINDINGS_TO_FIX_HREF} className="text-primary hover:underline">
          Все неустранённые замечания ({page.total})
        </Link>
      </p>
    </Card>
  );
}
