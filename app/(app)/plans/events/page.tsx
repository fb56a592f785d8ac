import type { Metadata } from "next";
import Link from "next/link";
import { EventsTable } from "@/components/plans/events-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { ALL_ROLES, REGION_STAFF } from "@/lib/roles";
import { ZEventListQuery } from "@/lib/schemas/plan";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";
import { listEvents } from "@/lib/server/plans/list-events";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";

export const metadata: Metadata = { title: "Мероприятия планов" };

export default async function PlanEventsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZEventListQuery.parse(await props.searchParams);
  const [page, municipalities] = await Promise.all([
    listEvents({ scope, query }),
    hasAnyRole(scope, REGION_STAFF)
      ? listMunicipalities({ scope, query: ZMunicipalityListQuery.parse({ pageSize: 100 }) }).then((p) => p.rows)
      : [],
  ]);
  return (
    <>
      <PageTitle
        crumbs={[{ label: "Планы", href: "/plans" }, { label: "Мероприятия планов" }]}
        title="Мероприятия планов"
        subtitle="Мероприятия всех дорожных карт, программ и планов методической работы: сроки, ответственные, отметки о проведении"
        actions={
          <Button asChild variant="outline">
            <Link href="/plans">Планы и дорожные карты</Link>
          </Button>
        }
      />
      <Card>
        <EventsTable page={page} query={query} municipalities={municipalities.map((m) => ({ id: m.id, name: m.name }))} />
      </Card>
    </>
  );
}
