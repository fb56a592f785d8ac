import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getScope } from "@/lib/server/auth/get-scope";
import { countUnread } from "@/lib/server/notifications/list-notifications";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const scope = await getScope();
  if (!scope) redirect("/login");
  return (
    <AppShell scope={scope} unread={await countUnread({ scope })}>
      {children}
    </AppShell>
  );
}
