import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { schoolYearChoices } from "@/components/students/school-years";
import { TeacherForm } from "@/components/students/teacher-form";
import { TeachersTable } from "@/components/students/teachers-table";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { withCurrentSchoolYear } from "@/lib/domain/records/current-school-year";
import { ZTeacherListQuery } from "@/lib/schemas/student";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listTeachers } from "@/lib/server/students/list-teachers";
import { SCHOOL_COORDINATORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Педагоги, работающие с ДОТ" };

export default async function SchoolTeachersPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: SCHOOL_COORDINATORS });
  const params = await props.searchParams;
  const query = withCurrentSchoolYear(ZTeacherListQuery.parse(params));
  const schoolYear = query.schoolYear;
  const membership = scope.memberships.find((m) => m.organizationId);
  const organizationId = membership?.organizationId as string;
  const page = await listTeachers({ scope, query });
  // The teacher to edit is looked up on the listed page only: no id reaches the database unchecked.
  const editing = params.edit ? (page.rows.find((t) => t.id === params.edit) ?? null) : null;
  return (
    <>
      <PageTitle
        title="Педагоги, работающие с ДОТ"
        subtitle={`${membership?.scopeName ?? ""} · ${schoolYear} учебный год`}
        actions={
          <Button asChild variant="outline">
            <Link href="/school/students">Обучающиеся</Link>
          </Button>
        }
      />
      <Card>
        <TeachersTable page={page} query={query} schoolYears={schoolYearChoices(schoolYear)} />
      </Card>
      <Card>
        <CardTitle>{editing ? "Изменить педагога" : "Добавить педагога"}</CardTitle>
        <TeacherForm
          key={editing?.id ?? "new"}
          organizationId={organizationId}
          teacherId={editing?.id ?? null}
          defaults={
            editing
              ? {
                  schoolYear: editing.schoolYear,
                  fullName: editing.fullName,
                  subject: editing.subject,
                  needsCourse: editing.needsCourse,
                  courses: editing.courses.map((c) => ({ ...c, dateTo: c.dateTo ?? "" })),
                }
              : { schoolYear }
          }
        />
      </Card>
    </>
  );
}
