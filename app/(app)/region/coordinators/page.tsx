import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentsTable } from "@/components/assignments/assignments-table";
import { CoverageSummary } from "@/components/assignments/coverage-summary";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { REGION_STAFF } from "@/lib/roles";
import { assignmentToday, ZAssignmentListQuery } from "@/lib/schemas/assignment";
import { getCoordinatorCoverage } from "@/lib/server/assignments/get-coordinator-coverage";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";

export const metadata: Metadata = { title: "Координаторы" };

export default async function CoordinatorsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_STAFF });
  const query = ZAssignmentListQuery.parse(await props.searchParams);
  const today = assignmentToday();
  const [coverage, page, municipalities] = await Promise.all([
    getCoordinatorCoverage({ scope, today }),
    listAssignments({ scope, query, today }),
    listMunicipalities({ scope, query: ZMunicipalityListQuery.parse({ pageSize: 100 }) }),
  ]);
  return (
    <>
      <PageTitle
        title="Координаторы"
        subtitle="Муниципальные и школьные координаторы, сроки их назначения и приказы"
        actions={
          <Button asChild>
            <Link href="/region/coordinators/new">Назначить координатора</Link>
          </Button>
        }
      />
      <CoverageSummary coverage={coverage} />
      <Card aria-labelledby="assignments-title">
        <CardTitle id="assignments-title">Назначения</CardTitle>
        <AssignmentsTable
          page={page}
          query={query}
          today={today}
          municipalities={municipalities.rows.map((m) => ({ id: m.id, name: m.name }))}
        />
      </Card>
    </>
  );
}
