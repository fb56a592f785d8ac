"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES } from "@/lib/roles";
import { ZEventStatusSave, ZPlanCreate, ZPlanEventSave } from "@/lib/schemas/plan";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { changeEventStatus } from "@/lib/server/plans/change-event-status";
import { createPlan } from "@/lib/server/plans/create-plan";
import { savePlanEvent } from "@/lib/server/plans/save-plan-event";

const RULE = { role: ALL_ROLES };

export const createPlanAction = scopedAction(ZPlanCreate, RULE, async (input, scope) => {
  const plan = await createPlan({ scope, input });
  revalidatePath("/plans");
  return { id: plan.id };
});

/** Adds an event to a plan (eventId null) or changes one; a stale `updatedAt` is a CONFLICT. */
export const savePlanEventAction = scopedAction(ZPlanEventSave, RULE, async ({ planId, eventId, ...input }, scope) => {
  const id = idParam(planId);
  const event = await savePlanEvent({ scope, planId: id, eventId: eventId === null ? undefined : idParam(eventId), input });
  revalidatePath(`/plans/${id}`);
  revalidatePath("/plans");
  return { id: event.id };
});

/** Held (with the date), cancelled, planned again, or one due date of a recurring event held or not. */
export const changeEventStatusAction = scopedAction(ZEventStatusSave, RULE, async ({ planId, eventId, ...input }, scope) => {
  const id = idParam(planId);
  const event = await changeEventStatus({ scope, planId: id, eventId: idParam(eventId), input });
  revalidatePath(`/plans/${id}`);
  revalidatePath("/plans");
  return { id: event.id, status: event.status };
});
