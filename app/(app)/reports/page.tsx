import type { Metadata } from "next";
import { ReportJobs } from "@/components/reports/report-jobs";
import { PageTitle } from "@/components/shell/page-title";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { REPORT_RETENTION_DAYS } from "@/lib/server/reports/report-job-view";
import { listReportJobs } from "@/lib/server/reports/list-report-jobs";
import { ZReportJobListQuery } from "@/lib/schemas/report";

export const metadata: Metadata = { title: "Мои отчёты" };

export default async function ReportsPage(props: { searchParams: Promise<{ page?: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { page } = await props.searchParams;
  const jobs = await listReportJobs({ scope, query: ZReportJobListQuery.parse({ page }) });
  return (
    <>
      <PageTitle
        title="Мои отчёты"
        subtitle={`Отчёты, которые формируются в фоне: за ходом можно следить здесь. Готовый файл хранится ${REPORT_RETENTION_DAYS} дней.`}
      />
      <ReportJobs key={jobs.page} initial={jobs} />
    </>
  );
}
