import type { Metadata } from "next";
import Link from "next/link";
import { EventFilters } from "@/components/plans/event-filters";
import { filterEvents } from "@/components/plans/filter-events";
import { PlanEventsTable } from "@/components/plans/plan-events-table";
import { formatPlanPeriod } from "@/lib/domain/plans/plan-period";
import { PlanSummary } from "@/components/plans/plan-summary";
import { PlanTimeline } from "@/components/plans/plan-timeline";
import { PlanViewTabs } from "@/components/plans/plan-view-tabs";
import { planCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PLAN_KIND_LABELS } from "@/lib/domain/plans/plan-labels";
import { ZPlanEventListQuery } from "@/lib/schemas/plan";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getPlan } from "@/lib/server/plans/get-plan";
import { ALL_ROLES } from "@/lib/roles";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS, reportUrl } from "@/lib/domain/reports/report-kinds";

export const metadata: Metadata = { title: "План" };

export default async function PlanPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const plan = await orNotFound(() => getPlan({ scope, planId: idParam(id) }));
  const searchParams = await props.searchParams;
  const view = searchParams.view === "timeline" ? "timeline" : "table";
  const filter = ZPlanEventListQuery.parse(searchParams);
  const events = filterEvents(plan.events, filter);
  const filterQuery: Record<string, string> = { ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}) };
  const filtered = events.length !== plan.events.length;
  return (
    <>
      <PageTitle
        crumbs={planCrumbs(plan)}
        title={plan.title}
        subtitle={`${PLAN_KIND_LABELS[plan.kind]} · ${plan.owner} · ${formatPlanPeriod(plan)}`}
        actions={
          <div className="flex flex-wrap gap-2">
            {plan.canWrite && (
              <Button asChild>
                <Link href={`/plans/${plan.id}/events/new`}>Добавить мероприятие</Link>
              </Button>
            )}
            <Button asChild variant="outline">
              <Link href={`/plans/${plan.id}/indicators`}>Показатели</Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/plans/${plan.id}/export?format=xlsx`}>Экспорт XLSX</a>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/plans/${plan.id}/export?format=csv`}>Экспорт CSV</a>
            </Button>
            {REPORT_FORMATS.map((format) => (
              <Button key={format} asChild variant="outline">
                <a href={reportUrl("roadmap", plan.id, format)}>Отчёт {REPORT_FORMAT_LABELS[format]}</a>
              </Button>
            ))}
          </div>
        }
      />
      <Card aria-labelledby="plan-about-title">
        <CardTitle id="plan-about-title">О плане</CardTitle>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">Вид</dt>
          <dd>{PLAN_KIND_LABELS[plan.kind]}</dd>
          <dt className="font-medium">Владелец</dt>
          <dd>{plan.owner}</dd>
          <dt className="font-medium">Период</dt>
          <dd>{formatPlanPeriod(plan)}</dd>
          {plan.approvedBy && (
            <>
              <dt className="font-medium">Утверждён</dt>
              <dd>
                <Link href={`/documents/${plan.approvedBy.id}`} className="text-primary underline">
                  {plan.approvedBy.label}
                </Link>
              </dd>
            </>
          )}
        </dl>
        <div className="mt-4">
          <PlanSummary planId={plan.id} events={plan.events} />
        </div>
      </Card>
      <Card aria-labelledby="plan-events-title" className="space-y-4">
        <CardTitle id="plan-events-title">Мероприятия</CardTitle>
        <PlanViewTabs planId={plan.id} view={view} query={filterQuery} />
        <EventFilters filter={filter} view={view} />
        {filtered && (
          <p role="status" className="text-sm">
            Показано {events.length} из {plan.events.length}.{" "}
            <Link href={`/plans/${plan.id}?view=${view}`} className="text-primary underline">
              Сбросить фильтр
            </Link>
          </p>
        )}
        {view === "table" ? (
          <PlanEventsTable plan={plan} events={events} />
        ) : (
          <PlanTimeline
            planId={plan.id}
            startsOn={plan.startsOn}
            endsOn={plan.endsOn}
            today={plan.today}
            events={events}
            year={searchParams.year}
            query={filterQuery}
          />
        )}
      </Card>
    </>
  );
}
