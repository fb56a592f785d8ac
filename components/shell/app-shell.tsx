import type { ReactNode } from "react";
import { navigationFor } from "@/lib/domain/shell/navigation";
import type { Scope } from "@/lib/scope";
import { AppHeader } from "./app-header";
import { AppNav } from "./app-nav";

/**
 * The signed-in frame: a skip link, the header, the menu as a sidebar on a wide
 * screen (a drawer from the header's «Меню» on a narrow one) and the page. None of it prints.
 */
export function AppShell({ scope, unread, children }: { scope: Scope; unread: number; children: ReactNode }) {
  const groups = navigationFor(scope);
  return (
    <>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-2 focus:shadow-md focus:ring-2 focus:ring-ring"
      >
        Перейти к содержимому
      </a>
      <AppHeader scope={scope} unread={unread} groups={groups} />
      <div className="mx-auto flex max-w-[90rem]">
        <div className="hidden w-60 shrink-0 border-r border-border px-3 py-6 lg:block print:hidden">
          <div className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto">
            <AppNav groups={groups} />
          </div>
        </div>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 space-y-6 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8 print:p-0">
          {children}
        </main>
      </div>
    </>
  );
}
