import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";
import { hasAnyRole, type Scope } from "@/lib/scope";

/** A step of the path to a nested page; the last one is the page itself and has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** «Кампании › <кампания>» for who manage campaigns; who do not reach a campaign from their blanks. */
export function campaignCrumbs(scope: Scope, campaign: { id: string; name: string }): Crumb[] {
  const root = hasAnyRole(scope, CAMPAIGN_MANAGERS)
    ? { label: "Кампании", href: "/region/campaigns" }
    : { label: "Бланки", href: "/blanks" };
  return [root, { label: campaign.name, href: `/campaigns/${campaign.id}` }];
}

export const planCrumbs = (plan: { id: string; title: string }): Crumb[] => [
  { label: "Планы", href: "/plans" },
  { label: plan.title, href: `/plans/${plan.id}` },
];

/** A long title takes one line of a phone; the heading under the crumbs says it whole. */
const LABEL = "line-clamp-1 sm:line-clamp-none";

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Путь к странице" className="text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-1 text-muted-foreground">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${index}-${crumb.label}`} className="flex min-w-0 items-center gap-1 break-words">
              {index > 0 && <ChevronRight aria-hidden="true" className="size-4 shrink-0" />}
              {last ? (
                <span aria-current="page" className={cn(LABEL, "text-foreground")}>
                  {crumb.label}
                </span>
              ) : crumb.href ? (
                <Link href={crumb.href} className={cn(LABEL, "text-primary hover:underline")}>
                  {crumb.label}
                </Link>
              ) : (
                <span className={LABEL}>{crumb.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
