import type { Metadata } from "next";
import Link from "next/link";
import { WorkList } from "@/components/blanks/work-list";
import { FindingsToFix } from "@/components/findings/findings-to-fix";
import { MunicipalitiesTable } from "@/components/directory/municipalities-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { REGION_ADMINS, REGION_STAFF, ROLE_LABELS } from "@/lib/roles";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listBlanks } from "@/lib/server/blanks/list-blanks";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";
import { ZBlankListQuery } from "@/lib/schemas/campaign";

export const metadata: Metadata = { title: "Регион" };

export default async function RegionHome(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_STAFF });
  const query = ZMunicipalityListQuery.parse(await props.searchParams);
  const [page, toReview] = await Promise.all([
    listMunicipalities({ scope, query }),
    listBlanks({ scope, query: ZBlankListQuery.parse({ sort: "updatedAt", pageSize: 10 }), statuses: ["SUBMITTED"], countWhenFull: true }),
  ]);
  const regions = [...new Set(scope.memberships.map((m) => m.scopeName))];
  return (
    <>
      <PageTitle
        title={`Регион: ${regions.join(", ")}`}
        subtitle={scope.memberships.map((m) => `${ROLE_LABELS[m.role]} — ${m.scopeName}`).join("; ")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link href="/region/campaigns">Кампании</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/region/recommendations">Рекомендации</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/region/report-settings">Бланк отчётов</Link>
            </Button>
            {hasAnyRole(scope, REGION_ADMINS) && (
              <>
                <Button asChild variant="outline">
                  <Link href="/region/users">Пользователи и роли</Link>
                </Button>
                <Button asChild variant="outline">
                  <Link href="/region/audit">Журнал изменений</Link>
                </Button>
              </>
            )}
          </div>
        }
      />
      <WorkList
        title="Бланки, ожидающие проверки"
        empty="Нет бланков, ожидающих проверки."
        page={toReview}
        moreHref="/blanks?status=SUBMITTED"
      />
      <FindingsToFix scope={scope} />
      <Card>
        <CardTitle>Муниципальные образования</CardTitle>
        <MunicipalitiesTable page={{ ...page, rows: page.rows.map(({ id, name, schools }) => ({ id, name, schools })) }} query={query} />
      </Card>
    </>
  );
}
