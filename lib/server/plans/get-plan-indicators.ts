import "server-only";
import { notFound } from "@/lib/errors";
import { evaluateTarget, type TargetEvaluation, type TargetRule } from "@/lib/domain/plans/target-rules";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { planWhere, planWriteWhere } from "./plan-access";
import { planOrganizationsWhere } from "./plan-organizations";

export interface IndicatorValueView {
  id: string;
  period: string;
  organizationId: string | null;
  organizationName: string | null;
  value: number;
  base: number | null;
  note: string;
}

export interface IndicatorView {
  id: string;
  number: string;
  title: string;
  unit: string;
  targetText: string;
  rules: TargetRule[];
  method: string;
  monitoring: string;
  values: IndicatorValueView[];
  /** Achieved or not, per period with values, newest first. */
  periods: Array<{ period: string; evaluation: TargetEvaluation }>;
}

/** The calendar year a period ends in: «2021» → 2021, «2020/2021» → 2021. */
export function periodYear(period: string): number {
  return Number(period.slice(-4));
}

/** A plan's target indicators with their values and, per period, achieved or not. */
export async function getPlanIndicators(options: { scope: Scope; planId: string }) {
  const plan = await db().plan.findFirst({ where: { AND: [{ id: options.planId }, planWhere(options.scope)] } });
  if (!plan) throw notFound("План не найден.");
  const [indicators, organizations, canWrite] = await Promise.all([
    db().targetIndicator.findMany({
      where: { planId: plan.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: { values: { orderBy: [{ period: "desc" }, { organizationKey: "asc" }] } },
    }),
    db().organization.findMany({ where: planOrganizationsWhere(plan), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().plan.count({ where: { AND: [{ id: plan.id }, planWriteWhere(options.scope)] } }),
  ]);
  const organizationNames = new Map(organizations.map((o) => [o.id, o.name]));
  const views: IndicatorView[] = indicators.map((indicator) => {
    const rules = indicator.rules as unknown as TargetRule[];
    const values = indicator.values.map((v) => ({
      id: v.id,
      period: v.period,
      organizationId: v.organizationId,
      organizationName: v.organizationId ? (organizationNames.get(v.organizationId) ?? null) : null,
      value: Number(v.value),
      base: v.base === null ? null : Number(v.base),
      note: v.note,
    }));
    const periods = [...new Set(values.map((v) => v.period))].map((period) => ({
      period,
      evaluation: evaluateTarget({
        rules,
        period: { year: periodYear(period) },
        measurements: values.filter((v) => v.period === period).map(({ organizationId, value, base }) => ({ organizationId, value, base })),
        organizationIds: organizations.map((o) => o.id),
      }),
    }));
    return {
      id: indicator.id,
      number: indicator.number,
      title: indicator.title,
      unit: indicator.unit,
      targetText: indicator.targetText,
      rules,
      method: indicator.method,
      monitoring: indicator.monitoring,
      values,
      periods,
    };
  });
  return { indicators: views, organizations, canWrite: canWrite > 0 };
}
