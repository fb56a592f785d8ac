import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { AreaCountsTable } from "@/components/students/area-counts-table";
import { schoolYearChoices } from "@/components/students/school-years";
import { Card } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { withCurrentSchoolYear } from "@/lib/domain/records/current-school-year";
import { ZCountsQuery } from "@/lib/schemas/student";
import { requireScope } from "@/lib/server/auth/with-scope";
import { countStudentsByArea } from "@/lib/server/students/count-students-by-area";
import { REGION_AUDITORS, SUPERVISORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Учёт ДОТ: численность" };

/** Counts only, no personal data: per municipality for region staff, per school for a municipal coordinator. */
export default async function RegionStudentsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: SUPERVISORS });
  const { schoolYear } = withCurrentSchoolYear(ZCountsQuery.parse(await props.searchParams));
  const counts = await countStudentsByArea({ scope, schoolYear });
  return (
    <>
      <PageTitle
        title="Дети-инвалиды, обучающиеся с ДОТ: численность"
        subtitle={`${[...new Set(scope.memberships.map((m) => m.scopeName))].join(", ")} · ${schoolYear} учебный год · по данным учёта школ`}
        actions={
          hasAnyRole(scope, REGION_AUDITORS) && (
            <Link href="/region/students/list" className="text-primary underline">
              Список обучающихся (только просмотр)
            </Link>
          )
        }
      />
      <Card>
        <AreaCountsTable level={counts.level} rows={counts.rows} schoolYear={schoolYear} schoolYears={schoolYearChoices(schoolYear)} />
      </Card>
    </>
  );
}
