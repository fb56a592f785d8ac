import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import type { BlankRow } from "@/lib/server/blanks/list-blanks";
import { BlankStatusBadge } from "./blank-status-badge";

/** A home's list of blanks waiting for the user, with deadlines. */
export function WorkList(props: { title: string; empty: string; page: Page<BlankRow>; moreHref: string }) {
  return (
    <Card>
      <CardTitle>{props.title}</CardTitle>
      {props.page.rows.length === 0 ? (
        <p className="text-muted-foreground">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={props.title}>
          {props.page.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <Link href={`/blanks/${row.id}`} className="text-primary hover:underline">
                {row.participant}: {row.templateName}
              </Link>
              <BlankStatusBadge status={row.status} />
              <span className="text-sm text-muted-foreground">
                {row.campaignName} · срок {formatDate(row.deadline)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.page.total > props.page.rows.length && (
        <p className="mt-3 text-sm">
          <Link href={props.moreHref} className="text-primary hover:underline">
            Все ({props.page.total})
          </Link>
        </p>
      )}
    </Card>
  );
}
