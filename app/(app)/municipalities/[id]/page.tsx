import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationList } from "@/components/directory/organization-list";
import { SchoolImport } from "@/components/directory/school-import";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getMunicipality } from "@/lib/server/directory/get-municipality";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { SUPERVISORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Муниципальное образование" };

export default async function MunicipalityPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: SUPERVISORS });
  const { id } = await props.params;
  const municipality = await orNotFound(() => getMunicipality({ scope, id: idParam(id) }));
  return (
    <>
      <PageTitle title={municipality.name} subtitle={`${municipality.region.code} — ${municipality.region.name}`} />
      <p>
        <Link href={`/coordinators/${municipality.id}`} className="text-primary underline">
          Координаторы и история назначений
        </Link>
      </p>
      <Card>
        <CardTitle>Организации</CardTitle>
        <OrganizationList items={municipality.organizations} />
      </Card>
      <Card>
        <CardTitle>Импорт и выгрузка школ</CardTitle>
        <SchoolImport municipalityId={municipality.id} />
      </Card>
    </>
  );
}
