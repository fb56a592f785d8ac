import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { parseTargetRules } from "@/lib/domain/plans/target-rules";
import type { Scope } from "@/lib/scope";
import type { TIndicatorCreate } from "@/lib/schemas/plan";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { loadWritablePlan } from "./load-writable-plan";

/**
 * Adds a target indicator to a plan, or changes one (indicatorId). The target is
 * kept as written and as rules; a target the rules cannot read is refused with
 * examples, so that «achieved» is never guessed.
 */
export async function saveIndicator(options: { scope: Scope; planId: string; indicatorId?: string; input: TIndicatorCreate }) {
  const { input } = options;
  const rules = parseTargetRules(input.targetText);
  if (!rules.ok) throw new AppError("VALIDATION", rules.error, { targetText: [rules.error] });
  return db().$transaction(async (tx) => {
    const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId, tx });
    const existing = options.indicatorId
      ? await tx.targetIndicator.findFirst({ where: { id: options.indicatorId, planId: plan.id } })
      : null;
    if (options.indicatorId && !existing) throw notFound("Показатель не найден.");
    const clash = await tx.targetIndicator.findFirst({
      where: { planId: plan.id, number: input.number, NOT: existing ? { id: existing.id } : undefined },
    });
    if (clash) throw new AppError("CONFLICT", "Показатель с таким номером уже есть.", { number: ["Номер уже занят."] });
    const data = {
      number: input.number,
      title: input.title,
      targetText: input.targetText,
      unit: rules.unit === "%" ? "%" : "шт.",
      rules: asJson(rules.rules),
      method: input.method,
      monitoring: input.monitoring,
    };
    if (existing) return tx.targetIndicator.update({ where: { id: existing.id }, data, select: { id: true } });
    const last = await tx.targetIndicator.aggregate({ where: { planId: plan.id }, _max: { position: true } });
    return tx.targetIndicator.create({ data: { ...data, planId: plan.id, position: (last._max.position ?? 0) + 1 }, select: { id: true } });
  });
}
