import type { Metadata } from "next";
import { OrganizationCard } from "@/components/directory/organization-card";
import { PageTitle } from "@/components/shell/page-title";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getOrganization } from "@/lib/server/directory/get-organization";

export const metadata: Metadata = { title: "Школа" };

export default async function SchoolHome() {
  const scope = await requireScope({ role: ["SCHOOL_COORDINATOR"] });
  const schools = await Promise.all(
    scope.memberships.map((m) => getOrganization({ scope, id: m.organizationId as string })),
  );
  return (
    <>
      {schools.map((school) => (
        <div key={school.id} className="space-y-6">
          <PageTitle
            title={`Школа: ${school.name}`}
            subtitle={`Школьный координатор · ${school.municipality?.name ?? ""}, ${school.region.name}`}
          />
          <OrganizationCard organization={school} linkMunicipality={false} />
        </div>
      ))}
    </>
  );
}
