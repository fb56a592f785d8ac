"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { PLAN_ROLES } from "@/lib/server/plans/plan-access";
import { saveIndicator } from "@/lib/server/plans/save-indicator";
import { saveIndicatorValue } from "@/lib/server/plans/save-indicator-value";

/** The plan's page and its indicators' page show the indicators: both are refreshed. */
const refresh = (planId: string) => revalidatePath(`/plans/${planId}`, "layout");

/** Adds a target indicator to the plan (indicatorId null) or changes one. */
export async function saveIndicatorAction(planId: string, indicatorId: string | null, input: unknown) {
  return scopedAction(
    async (data: unknown, scope) => {
      const id = idParam(planId);
      const saved = await saveIndicator({
        scope,
        planId: id,
        indicatorId: indicatorId === null ? undefined : idParam(indicatorId),
        input: data,
      });
      refresh(id);
      return { id: saved.id };
    },
    { role: PLAN_ROLES },
  )(input);
}

/** Enters (or replaces) an indicator's value for a period and organisation. */
export async function saveIndicatorValueAction(planId: string, input: unknown) {
  return scopedAction(
    async (data: unknown, scope) => {
      const id = idParam(planId);
      await saveIndicatorValue({ scope, planId: id, input: data });
      refresh(id);
      return null;
    },
    { role: PLAN_ROLES },
  )(input);
}
