import type { Metadata } from "next";
import { OrganizationList } from "@/components/directory/organization-list";
import { WorkList } from "@/components/blanks/work-list";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listBlanks } from "@/lib/server/blanks/list-blanks";
import { getMunicipality } from "@/lib/server/directory/get-municipality";

export const metadata: Metadata = { title: "Муниципалитет" };

export default async function MunicipalityHome() {
  const scope = await requireScope({ role: ["MUNICIPAL_COORDINATOR"] });
  const municipalities = await Promise.all(
    scope.memberships.map((m) => getMunicipality({ scope, id: m.municipalityId as string })),
  );
  const toFill = await listBlanks({
    scope,
    query: { sort: "deadline", dir: "asc", pageSize: 10 },
    only: "participant",
    statuses: ["NOT_STARTED", "IN_PROGRESS", "RETURNED"],
  });
  return (
    <>
      <WorkList
        title="Бланки к заполнению и исправлению"
        empty="Нет бланков, которые нужно заполнить."
        page={toFill}
        moreHref="/blanks"
      />
      {municipalities.map((municipality) => (
        <div key={municipality.id} className="space-y-6">
          <PageTitle
            title={`Муниципалитет: ${municipality.name}`}
            subtitle={`Муниципальный координатор · ${municipality.region.name}`}
          />
          <Card>
            <CardTitle>Организации муниципалитета</CardTitle>
            <OrganizationList items={municipality.organizations} />
          </Card>
        </div>
      ))}
    </>
  );
}
