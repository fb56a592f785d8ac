import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorCard } from "@/components/plans/indicator-card";
import { IndicatorForm } from "@/components/plans/indicator-form";
import { IndicatorTable } from "@/components/plans/indicator-table";
import { planCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { earliestLocalToday } from "@/lib/dates";
import { schoolYearOf } from "@/lib/domain/plans/school-year";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getPlan } from "@/lib/server/plans/get-plan";
import { getPlanIndicators } from "@/lib/server/plans/get-plan-indicators";
import { ALL_ROLES } from "@/lib/roles";

export const metadata: Metadata = { title: "Целевые показатели" };

/** A plan's target indicators (seed 004, sections 6 and 7), their values per period and whether each period met the target. */
export default async function PlanIndicatorsPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const [plan, data] = await orNotFound(() => {
    const planId = idParam(id);
    return Promise.all([getPlan({ scope, planId }), getPlanIndicators({ scope, planId })]);
  });
  const { indicators, organizations, canWrite } = data;
  const defaultPeriod = schoolYearOf(earliestLocalToday()).label;
  return (
    <>
      <p className="text-sm">
        <Link href={`/plans/${plan.id}`} className="text-primary underline">
          ← К плану
        </Link>
      </p>
      <PageTitle
        crumbs={[...planCrumbs(plan), { label: "Целевые показатели" }]}
        title="Целевые показатели"
        subtitle={`${plan.title} · ${plan.owner}`}
      />
      <Card aria-labelledby="indicators-title">
        <CardTitle id="indicators-title">Показатели плана</CardTitle>
        {indicators.length === 0 ? (
          <p className="text-sm text-muted-foreground">Показатели ещё не добавлены.{canWrite ? " Добавьте их формой ниже." : ""}</p>
        ) : (
          <IndicatorTable indicators={indicators} />
        )}
      </Card>
      {indicators.map((indicator) => (
        <IndicatorCard
          key={indicator.id}
          planId={plan.id}
          indicator={indicator}
          canWrite={canWrite}
          defaultPeriod={defaultPeriod}
          organizations={organizations}
        />
      ))}
      {canWrite && (
        <Card aria-labelledby="indicator-new-title">
          <CardTitle id="indicator-new-title">Добавить показатель</CardTitle>
          <IndicatorForm planId={plan.id} indicatorId={null} lastNumber={indicators.at(-1)?.number} />
        </Card>
      )}
    </>
  );
}
