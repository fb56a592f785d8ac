import type { Metadata } from "next";
import Link from "next/link";
import { MunicipalitiesTable } from "@/components/directory/municipalities-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { hasAnyRole, REGION_STAFF, ROLE_LABELS } from "@/lib/scope";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";

export const metadata: Metadata = { title: "Регион" };

export default async function RegionHome(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_STAFF });
  const query = ZMunicipalityListQuery.parse(await props.searchParams);
  const page = await listMunicipalities({ scope, query });
  const regions = [...new Set(scope.memberships.map((m) => m.scopeName))];
  return (
    <>
      <PageTitle
        title={`Регион: ${regions.join(", ")}`}
        subtitle={scope.memberships.map((m) => `${ROLE_LABELS[m.role]} — ${m.scopeName}`).join("; ")}
        actions={
          hasAnyRole(scope, ["REGION_ADMIN"]) && (
            <Button asChild variant="outline">
              <Link href="/region/users">Пользователи и роли</Link>
            </Button>
          )
        }
      />
      <Card>
        <CardTitle>Муниципальные образования</CardTitle>
        <MunicipalitiesTable page={page} sort={query.sort} dir={query.dir} q={query.q} />
      </Card>
    </>
  );
}
