import type { Metadata } from "next";
import { ParticipantWork } from "@/components/blanks/participant-work";
import { OrganizationList } from "@/components/directory/organization-list";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getMunicipality } from "@/lib/server/directory/get-municipality";

export const metadata: Metadata = { title: "Муниципалитет" };

export default async function MunicipalityHome() {
  const scope = await requireScope({ role: ["MUNICIPAL_COORDINATOR"] });
  const municipalities = await Promise.all(
    scope.memberships.map((m) => getMunicipality({ scope, id: m.municipalityId as string })),
  );
  return (
    <>
      <PageTitle
        title={`Муниципалитет: ${municipalities.map((m) => m.name).join(", ")}`}
        subtitle={`Муниципальный координатор · ${[...new Set(municipalities.map((m) => m.region.name))].join(", ")}`}
      />
      <ParticipantWork scope={scope} />
      {municipalities.map((municipality) => (
        <Card key={municipality.id}>
          <CardTitle>Организации: {municipality.name}</CardTitle>
          <OrganizationList items={municipality.organizations} />
        </Card>
      ))}
    </>
  );
}
