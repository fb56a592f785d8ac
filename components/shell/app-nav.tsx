"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { currentItem, type NavGroup } from "@/lib/domain/shell/navigation";

/**
 * The menu's groups as lists of links, in the sidebar and in the phone's drawer.
 * The current page is aria-current="page"; on a nested page its section is marked too.
 */
export function AppNav({ groups, onNavigate }: { groups: NavGroup[]; onNavigate?: () => void }) {
  const current = currentItem(groups, usePathname());
  // The sidebar and the drawer may both be in the page: ids of their own.
  const id = useId();
  return (
    <nav aria-label="Разделы" className="space-y-5 text-sm">
      {groups.map((group, index) => (
        <div key={group.label}>
          <p id={`${id}-${index}`} className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {group.label}
          </p>
          <ul aria-labelledby={`${id}-${index}`} className="space-y-0.5">
            {group.items.map((item) => {
              const marked = current?.href === item.href;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={marked ? (current.exact ? "page" : "true") : undefined}
                    className={cn(
                      "block rounded-md px-3 py-1.5 hover:bg-muted",
                      marked && "bg-primary/10 font-semibold text-primary",
                      current?.exact && marked && "bg-primary text-primary-foreground hover:bg-primary/90",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
