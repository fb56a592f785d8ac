import type { Metadata } from "next";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { UserMemberships } from "@/components/users/user-memberships";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listMembershipTargets } from "@/lib/server/directory/list-membership-targets";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getUser } from "@/lib/server/users/get-user";
import { REGION_ADMINS } from "@/lib/roles";

export const metadata: Metadata = { title: "Пользователь" };

export default async function UserPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: REGION_ADMINS });
  const { id } = await props.params;
  const user = await orNotFound(() => getUser({ scope, id: idParam(id) }));
  const targets = await listMembershipTargets({ scope });
  return (
    <>
      <PageTitle
        crumbs={[{ label: "Пользователи", href: "/region/users" }, { label: user.name }]}
        title={user.name}
        subtitle={user.email}
      />
      <Card>
        <CardTitle>Роли</CardTitle>
        <UserMemberships userId={user.id} self={user.id === scope.userId} targets={targets} memberships={user.memberships} />
      </Card>
    </>
  );
}
