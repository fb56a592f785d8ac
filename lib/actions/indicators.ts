"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES } from "@/lib/roles";
import { ZIndicatorSave, ZIndicatorValueSave } from "@/lib/schemas/plan";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { saveIndicator } from "@/lib/server/plans/save-indicator";
import { saveIndicatorValue } from "@/lib/server/plans/save-indicator-value";

/** The plan's page and its indicators' page show the indicators: both are refreshed. */
const refresh = (planId: string) => revalidatePath(`/plans/${planId}`, "layout");

/** Adds a target indicator to a plan (indicatorId null) or changes one. */
export const saveIndicatorAction = scopedAction(ZIndicatorSave, { role: ALL_ROLES }, async ({ planId, indicatorId, ...input }, scope) => {
  const id = idParam(planId);
  const saved = await saveIndicator({ scope, planId: id, indicatorId: indicatorId === null ? undefined : idParam(indicatorId), input });
  refresh(id);
  return { id: saved.id };
});

/** Enters (or replaces) an indicator's value for a period and organisation. */
export const saveIndicatorValueAction = scopedAction(ZIndicatorValueSave, { role: ALL_ROLES }, async ({ planId, ...input }, scope) => {
  const id = idParam(planId);
  await saveIndicatorValue({ scope, planId: id, input });
  refresh(id);
  return null;
});
