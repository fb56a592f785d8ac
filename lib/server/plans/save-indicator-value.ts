import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TIndicatorValue } from "@/lib/schemas/plan";
import { db } from "@/lib/server/db/client";
import { loadWritablePlan } from "./load-writable-plan";
import { planOrganizationsWhere } from "./plan-organizations";

/**
 * Enters (or corrects) an indicator's value for a period, for the whole plan or
 * for one of the plan's organisations. One value per indicator, period and
 * organisation: entering again replaces it.
 */
export async function saveIndicatorValue(options: { scope: Scope; planId: string; input: TIndicatorValue }) {
  const { input } = options;
  return db().$transaction(async (tx) => {
    const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId, tx });
    const indicator = await tx.targetIndicator.findFirst({ where: { id: input.indicatorId, planId: plan.id }, select: { id: true } });
    if (!indicator) throw notFound("Показатель не найден.");
    if (input.organizationId) {
      const organization = await tx.organization.findFirst({
        where: { AND: [{ id: input.organizationId }, planOrganizationsWhere(plan)] },
        select: { id: true },
      });
      if (!organization)
        throw new AppError("VALIDATION", "Организация не относится к плану.", { organizationId: ["Выберите организацию из списка."] });
    }
    const organizationKey = input.organizationId ?? "";
    const data = {
      value: input.value,
      base: input.base,
      note: input.note,
      organizationId: input.organizationId,
      enteredById: options.scope.userId,
    };
    return tx.indicatorValue.upsert({
      where: { indicatorId_period_organizationKey: { indicatorId: indicator.id, period: input.period, organizationKey } },
      create: { ...data, indicatorId: indicator.id, period: input.period, organizationKey },
      update: data,
      select: { id: true },
    });
  });
}
