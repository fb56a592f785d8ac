import type { Metadata } from "next";
import { schoolYearChoices } from "@/components/students/school-years";
import { StudentsTable } from "@/components/students/students-table";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { withCurrentSchoolYear } from "@/lib/domain/records/current-school-year";
import { ZStudentListQuery } from "@/lib/schemas/student";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listStudents } from "@/lib/server/students/list-students";
import { REGION_AUDITORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Обучающиеся с ДОТ региона" };

/** The region's auditors read the records (read-only; every card they open is logged). */
export default async function RegionStudentsListPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_AUDITORS });
  const query = withCurrentSchoolYear(ZStudentListQuery.parse(await props.searchParams));
  const schoolYear = query.schoolYear;
  const page = await listStudents({ scope, query });
  return (
    <>
      <PageTitle
        title="Обучающиеся с применением ДОТ"
        subtitle={`${scope.memberships.map((m) => m.scopeName).join(", ")} · ${schoolYear} учебный год · только просмотр; каждое открытие карточки записывается`}
      />
      <Card>
        <StudentsTable page={page} query={query} schoolYears={schoolYearChoices(schoolYear)} exportList="region-students" />
      </Card>
    </>
  );
}
