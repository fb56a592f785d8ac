import type { Metadata } from "next";
import { ParticipantWork } from "@/components/blanks/participant-work";
import { FindingsToFix } from "@/components/findings/findings-to-fix";
import { OrganizationCard } from "@/components/directory/organization-card";
import { PageTitle } from "@/components/shell/page-title";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getOrganization } from "@/lib/server/directory/get-organization";
import { SCHOOL_COORDINATORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Школа" };

export default async function SchoolHome() {
  const scope = await requireScope({ role: SCHOOL_COORDINATORS });
  const schools = await Promise.all(scope.memberships.map((m) => getOrganization({ scope, id: m.organizationId as string })));
  return (
    <>
      <PageTitle
        title={`Школа: ${schools.map((s) => s.name).join(", ")}`}
        subtitle={`Школьный координатор · ${schools.map((s) => `${s.municipality?.name ?? ""}, ${s.region.name}`).join("; ")}`}
      />
      <ParticipantWork scope={scope} />
      <FindingsToFix scope={scope} />
      {schools.map((school) => (
        <OrganizationCard key={school.id} organization={school} linkMunicipality={false} />
      ))}
    </>
  );
}
