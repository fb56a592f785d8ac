import type { Metadata } from "next";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listMembershipTargets } from "@/lib/server/directory/list-membership-targets";
import { REGION_ADMINS } from "@/lib/roles";

export const metadata: Metadata = { title: "Новый пользователь" };

export default async function NewUserPage() {
  const scope = await requireScope({ role: REGION_ADMINS });
  const targets = await listMembershipTargets({ scope });
  return (
    <>
      <PageTitle crumbs={[{ label: "Пользователи", href: "/region/users" }, { label: "Новый пользователь" }]} title="Новый пользователь" />
      <Card>
        <CreateUserForm targets={targets} />
      </Card>
    </>
  );
}
