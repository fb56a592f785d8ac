import type { Metadata } from "next";
import { OrganizationCard } from "@/components/directory/organization-card";
import { PageTitle } from "@/components/shell/page-title";
import { hasAnyRole } from "@/lib/scope";
import { ALL_ROLES, SUPERVISORS } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getOrganization } from "@/lib/server/directory/get-organization";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Организация" };

export default async function OrganizationPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const organization = await orNotFound(() => getOrganization({ scope, id: idParam(id) }));
  return (
    <>
      <PageTitle title={organization.name} />
      <OrganizationCard organization={organization} linkMunicipality={hasAnyRole(scope, SUPERVISORS)} />
    </>
  );
}
