import type { Metadata } from "next";
import { OrganizationCard } from "@/components/directory/organization-card";
import { WorkList } from "@/components/blanks/work-list";
import { PageTitle } from "@/components/shell/page-title";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listBlanks } from "@/lib/server/blanks/list-blanks";
import { getOrganization } from "@/lib/server/directory/get-organization";

export const metadata: Metadata = { title: "Школа" };

export default async function SchoolHome() {
  const scope = await requireScope({ role: ["SCHOOL_COORDINATOR"] });
  const schools = await Promise.all(
    scope.memberships.map((m) => getOrganization({ scope, id: m.organizationId as string })),
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
