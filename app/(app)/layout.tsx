import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { getScope } from "@/lib/server/auth/get-scope";
import { countUnread } from "@/lib/server/notifications/list-notifications";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const scope = await getScope();
  if (!scope) redirect("/login");
  return (
    <>
      <AppHeader scope={scope} unread={await countUnread({ scope })} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">{children}</main>
    </>
  );
}
