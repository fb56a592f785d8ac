import type { Metadata } from "next";
import Link from "next/link";
import { MunicipalityPlanOverview } from "@/components/plans/municipality-plan-overview";
import { PlansTable } from "@/components/plans/plans-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { ALL_ROLES, PLAN_WRITERS, REGION_STAFF } from "@/lib/roles";
import { ZPlanListQuery } from "@/lib/schemas/plan";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getRegionPlanOverview } from "@/lib/server/plans/get-region-plan-overview";
import { listPlans } from "@/lib/server/plans/list-plans";

export const metadata: Metadata = { title: "Планы и дорожные карты" };

export default async function PlansPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZPlanListQuery.parse(await props.searchParams);
  const staff = hasAnyRole(scope, REGION_STAFF);
  const [page, overview] = await Promise.all([listPlans({ scope, query }), staff ? getRegionPlanOverview({ scope }) : []]);
  const municipalities = overview
    .map((m) => ({ id: m.municipalityId, name: m.name }))
    .toSorted((a, b) => a.name.localeCompare(b.name, "ru"));
  return (
    <>
      <PageTitle
        title="Планы и дорожные карты"
        subtitle="Дорожные карты, программы и планы методической работы с мероприятиями, сроками и отметками о проведении"
        actions={
          <div className="flex flex-wrap gap-2">
            {hasAnyRole(scope, PLAN_WRITERS) && (
              <>
                <Button asChild>
                  <Link href="/plans/new">Создать план</Link>
                </Button>
                <Button asChild variant="outline">
                  <Link href="/plans/import">Импорт дорожной карты</Link>
                </Button>
              </>
            )}
            <Button asChild variant="outline">
              <Link href="/plans/events">Мероприятия планов</Link>
            </Button>
          </div>
        }
      />
      {staff && (
        <Card aria-labelledby="municipalities-title">
          <CardTitle id="municipalities-title">Муниципалитеты</CardTitle>
          <MunicipalityPlanOverview rows={overview} />
        </Card>
      )}
      <Card aria-labelledby="plans-title">
        <CardTitle id="plans-title">Планы</CardTitle>
        <PlansTable page={page} query={query} municipalities={municipalities} />
      </Card>
    </>
  );
}
