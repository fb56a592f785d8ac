import Link from "next/link";
import type { NavGroup } from "@/lib/domain/shell/navigation";
import { ROLE_LABELS } from "@/lib/roles";
import type { Scope } from "@/lib/scope";
import { NavDrawer } from "./nav-drawer";
import { UserMenu } from "./user-menu";

/** One line on every screen: the menu button (below the sidebar's width), the app's name and the user menu. */
export function AppHeader({ scope, unread, groups }: { scope: Scope; unread: number; groups: NavGroup[] }) {
  return (
    <header className="border-b border-border bg-background print:hidden">
      <div className="mx-auto flex max-w-[90rem] items-center gap-3 px-4 py-2 sm:px-6">
        <NavDrawer groups={groups} />
        <Link href="/" className="shrink-0 text-lg font-semibold text-primary">
          Методаудит
        </Link>
        <div className="ml-auto flex min-w-0 justify-end">
          <UserMenu name={scope.name} roles={scope.memberships.map((m) => `${ROLE_LABELS[m.role]}: ${m.scopeName}`)} unread={unread} />
        </div>
      </div>
    </header>
  );
}
