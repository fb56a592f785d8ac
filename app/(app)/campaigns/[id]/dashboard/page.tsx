import type { Metadata } from "next";
import Link from "next/link";
import { CHART_COLORS } from "@/components/dashboard/chart-colors";
import { ChartLegend } from "@/components/dashboard/chart-legend";
import { MunicipalitiesTable } from "@/components/dashboard/municipalities-table";
import { NotSubmittedList } from "@/components/dashboard/not-submitted-list";
import { RequestReportButton } from "@/components/reports/request-report-button";
import { ProgressFigures } from "@/components/dashboard/progress-figures";
import { ScoreChart } from "@/components/dashboard/score-chart";
import { TypicalErrorsLevel } from "@/components/dashboard/typical-errors-level";
import { campaignCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS, reportUrl } from "@/lib/domain/reports/report-kinds";
import { hasAnyRole } from "@/lib/scope";
import { REGION_STAFF, SUPERVISORS } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getCampaignDashboard } from "@/lib/server/dashboard/get-campaign-dashboard";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Результаты кампании" };

export default async function CampaignDashboardPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: SUPERVISORS });
  const { id } = await props.params;
  const view = await orNotFound(() => getCampaignDashboard({ scope, campaignId: idParam(id) }));
  const { campaign, gradeBands } = view;
  const municipalTemplate = view.templates.find((t) => t.level === "MUNICIPAL") ?? view.templates[0];
  const scored = view.municipalities.filter((m) => m.score !== null || m.schoolAverage !== null);
  const dynamicsHref = (row: { municipalityId: string }) =>
    `/dynamics?municipality=${row.municipalityId}${municipalTemplate ? `&template=${municipalTemplate.templateId}` : ""}`;

  return (
    <>
      <PageTitle
        crumbs={[...campaignCrumbs(scope, campaign), { label: "Результаты" }]}
        title={campaign.name}
        subtitle={`Результаты аудита · дата: ${formatDate(campaign.date)} · срок сдачи бланков: ${formatDate(campaign.deadline)}`}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <Link href={`/campaigns/${campaign.id}`} className="text-sm text-primary underline">
              К кампании и участникам
            </Link>
            {hasAnyRole(scope, REGION_STAFF) && (
              <>
                {REPORT_FORMATS.map((format) => (
                  <a key={format} href={reportUrl("campaign", campaign.id, format)} className="text-sm text-primary underline">
                    Скачать {REPORT_FORMAT_LABELS[format]}
                  </a>
                ))}
                <RequestReportButton kind="campaign" id={campaign.id} />
              </>
            )}
          </div>
        }
      />
      {campaign.goal && (
        <Card>
          <p>
            <span className="font-semibold">Цель: </span>
            {campaign.goal}
          </p>
        </Card>
      )}

      <Card aria-labelledby="progress-title">
        <CardTitle id="progress-title">Ход кампании</CardTitle>
        <ProgressFigures progress={view.progress} overdue={campaign.overdue} />
      </Card>

      <Card aria-labelledby="scores-title" className="space-y-4">
        <CardTitle id="scores-title">Баллы муниципальных образований</CardTitle>
        <p className="text-sm text-muted-foreground">
          Балл — взвешенная доля соответствующих пунктов сданного или принятого бланка. «Соответствует» — от {gradeBands.compliant} %,
          «частично соответствует» — от {gradeBands.partial} %.
        </p>
        {scored.length === 0 ? (
          <p>Сданных бланков пока нет: баллы появятся после отправки бланков на проверку.</p>
        ) : (
          <section aria-labelledby="score-chart-title" className="space-y-2">
            <h3 id="score-chart-title" className="text-base font-semibold">
              Диаграмма: баллы муниципальных образований
            </h3>
            <p id="score-chart-desc" className="sr-only">
              Баллы бланков МО и средние баллы школ по убыванию, с границами оценок {gradeBands.partial} % и {gradeBands.compliant} %; те же
              числа — в таблице ниже.
            </p>
            <ScoreChart
              rows={scored.map((m) => ({ name: m.name, score: m.score, schoolAverage: m.schoolAverage }))}
              bands={gradeBands}
              labelledBy="score-chart-title"
              describedBy="score-chart-desc"
            />
            <ChartLegend
              entries={[
                { color: CHART_COLORS.municipal, label: "Бланк МО" },
                { color: CHART_COLORS.schools, label: "Школы, средний балл" },
                { color: CHART_COLORS.partialBand, label: `Граница «частично соответствует», ${gradeBands.partial} %`, dashed: true },
                { color: CHART_COLORS.compliantBand, label: `Граница «соответствует», ${gradeBands.compliant} %`, dashed: true },
              ]}
            />
          </section>
        )}
        <MunicipalitiesTable rows={view.municipalities} caption="Баллы муниципальных образований" dynamicsHref={dynamicsHref} />
      </Card>

      <Card aria-labelledby="typical-errors-title" className="space-y-6">
        <CardTitle id="typical-errors-title">ТИПИЧНЫЕ ОШИБКИ</CardTitle>
        <TypicalErrorsLevel
          id="errors-municipal"
          title="Муниципальных координаторов"
          caption="Типичные ошибки муниципальных координаторов"
          data={view.typicalErrors.MUNICIPAL}
        />
        <TypicalErrorsLevel
          id="errors-school"
          title="Школьных координаторов"
          caption="Типичные ошибки школьных координаторов"
          data={view.typicalErrors.SCHOOL}
        />
      </Card>

      <Card aria-labelledby="not-submitted-title">
        <CardTitle id="not-submitted-title">МО, не предоставившие информацию</CardTitle>
        <NotSubmittedList names={view.notSubmitted} overdue={campaign.overdue} deadline={campaign.deadline} />
      </Card>
    </>
  );
}
