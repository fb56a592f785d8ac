import type { Metadata } from "next";
import Link from "next/link";
import { ParticipantWork } from "@/components/blanks/participant-work";
import { FindingsToFix } from "@/components/findings/findings-to-fix";
import { OrganizationList } from "@/components/directory/organization-list";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getMunicipality } from "@/lib/server/directory/get-municipality";
import { MUNICIPAL_COORDINATORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Муниципалитет" };

export default async function MunicipalityHome() {
  const scope = await requireScope({ role: MUNICIPAL_COORDINATORS });
  const municipalities = await Promise.all(scope.memberships.map((m) => getMunicipality({ scope, id: m.municipalityId as string })));
  return (
    <>
      <PageTitle
        title={`Муниципалитет: ${municipalities.map((m) => m.name).join(", ")}`}
        subtitle={`Муниципальный координатор · ${[...new Set(municipalities.map((m) => m.region.name))].join(", ")}`}
      />
      <ParticipantWork scope={scope} />
      <FindingsToFix scope={scope} />
      <div className="flex flex-wrap gap-4">
        {municipalities.map((m) => (
          <Link key={m.id} href={`/municipalities/${m.id}`} className="text-primary underline">
            Школы, импорт и выгрузка: {m.name}
          </Link>
        ))}
        {municipalities.map((m) => (
          <Link key={`c-${m.id}`} href={`/coordinators/${m.id}`} className="text-primary underline">
            Координаторы: {m.name}
          </Link>
        ))}
        <Link href="/region/coordinators/new" className="text-primary underline">
          Назначить школьного координатора
        </Link>
      </div>
      {municipalities.map((municipality) => (
        <Card key={municipality.id}>
          <CardTitle>Организации: {municipality.name}</CardTitle>
          <OrganizationList items={municipality.organizations} />
        </Card>
      ))}
    </>
  );
}
