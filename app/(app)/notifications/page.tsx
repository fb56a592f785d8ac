import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markAllReadAction } from "@/lib/actions/notifications";

export const metadata: Metadata = { title: "Уведомления" };

export default async function NotificationsPage() {
  const scope = await requireScope({ role: ALL_ROLES });
  const notes = await listNotifications({ scope });
  return (
    <>
      <PageTitle
        title="Уведомления"
        actions={
          <form
            action={async () => {
              "use server";
              await markAllReadAction();
            }}
          >
            <Button type="submit" variant="outline">
              Отметить все прочитанными
            </Button>
          </form>
        }
      />
      <Card>
        {notes.length === 0 ? (
          <p className="text-muted-foreground">Уведомлений нет.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Уведомления">
            {notes.map((n) => (
              <li key={n.id} className="py-3">
                <p className={n.readAt ? "" : "font-semibold"}>
                  {n.link ? (
                    <Link href={n.link} className="text-primary hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                  {!n.readAt && <span className="sr-only"> (не прочитано)</span>}
                </p>
                <p className="text-sm">{n.body}</p>
                <p className="text-xs text-muted-foreground">{n.createdAt.toLocaleString("ru-RU", { timeZone: "Europe/Moscow" })}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
