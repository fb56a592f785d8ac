import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UsersTable } from "@/components/users/users-table";
import { ZUserListQuery } from "@/lib/schemas/user";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listUsers } from "@/lib/server/users/list-users";
import { REGION_ADMINS } from "@/lib/roles";

export const metadata: Metadata = { title: "Пользователи" };

export default async function UsersPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_ADMINS });
  const query = ZUserListQuery.parse(await props.searchParams);
  const page = await listUsers({ scope, query });
  return (
    <>
      <PageTitle
        title="Пользователи и роли"
        subtitle={scope.memberships.map((m) => m.scopeName).join(", ")}
        actions={
          <Button asChild>
            <Link href="/region/users/new">Новый пользователь</Link>
          </Button>
        }
      />
      <Card>
        <UsersTable page={page} query={query} />
      </Card>
    </>
  );
}
