import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { OfficialCountsSummary } from "@/components/students/official-counts-summary";
import { schoolYearChoices } from "@/components/students/school-years";
import { StudentRecordsImport } from "@/components/students/student-records-import";
import { StudentForm } from "@/components/students/student-form";
import { StudentsTable } from "@/components/students/students-table";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { withCurrentSchoolYear } from "@/lib/domain/records/current-school-year";
import { ZStudentListQuery } from "@/lib/schemas/student";
import { requireScope } from "@/lib/server/auth/with-scope";
import { countOfficialData } from "@/lib/server/students/count-official-data";
import { listStudentFormOptions } from "@/lib/server/students/list-student-form-options";
import { listStudents } from "@/lib/server/students/list-students";
import { SCHOOL_COORDINATORS } from "@/lib/roles";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS, reportUrl } from "@/lib/domain/reports/report-kinds";

export const metadata: Metadata = { title: "Учёт обучающихся с ДОТ" };

export default async function SchoolStudentsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: SCHOOL_COORDINATORS });
  const query = withCurrentSchoolYear(ZStudentListQuery.parse(await props.searchParams));
  const schoolYear = query.schoolYear;
  // A coordinator of several schools keeps the records of the first here.
  const membership = scope.memberships.find((m) => m.organizationId);
  const organizationId = membership?.organizationId as string;
  const [page, counts, options] = await Promise.all([
    listStudents({ scope, query }),
    countOfficialData({ organizationId }, schoolYear),
    listStudentFormOptions({ scope, organizationId, schoolYear }),
  ]);
  return (
    <>
      <PageTitle
        title="Учёт детей-инвалидов, обучающихся с ДОТ"
        subtitle={`${membership?.scopeName ?? ""} · ${schoolYear} учебный год`}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link href="/school/students/teachers">Педагоги</Link>
            </Button>
            {/* Counts only: the report never names a child. */}
            {REPORT_FORMATS.map((format) => (
              <Button key={format} asChild variant="outline">
                <a href={reportUrl("records", organizationId, format)}>Отчёт {REPORT_FORMAT_LABELS[format]} (численность)</a>
              </Button>
            ))}
          </div>
        }
      />
      <Card>
        <CardTitle>Численность за {schoolYear} учебный год</CardTitle>
        <OfficialCountsSummary measures={counts} />
        <p className="mt-3 text-sm text-muted-foreground">Эти числа сравниваются с ответами бланков соответствия.</p>
      </Card>
      <Card>
        <CardTitle>Импорт и выгрузка (XLSX, CSV)</CardTitle>
        <StudentRecordsImport schoolYear={schoolYear} organizationId={organizationId} />
      </Card>
      <Card>
        <CardTitle>Обучающиеся</CardTitle>
        <StudentsTable page={page} query={query} schoolYears={schoolYearChoices(schoolYear)} exportList="school-students" />
      </Card>
      <Card>
        <CardTitle>Добавить обучающегося</CardTitle>
        <StudentForm mode="create" organizationId={organizationId} defaults={{ schoolYear }} options={options} />
      </Card>
    </>
  );
}
