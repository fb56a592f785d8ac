"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { changeEventStatus } from "@/lib/server/plans/change-event-status";
import { createPlan } from "@/lib/server/plans/create-plan";
import { PLAN_ROLES } from "@/lib/server/plans/plan-access";
import { savePlanEvent } from "@/lib/server/plans/save-plan-event";

const RULE = { role: PLAN_ROLES };

export async function createPlanAction(input: unknown) {
  return scopedAction(async (data, scope) => {
    const plan = await createPlan({ scope, input: data });
    revalidatePath("/plans");
    return { id: plan.id };
  }, RULE)(input);
}

/** Adds an event to a plan (eventId null) or changes one; a stale `updatedAt` is a CONFLICT. */
export async function savePlanEventAction(planId: string, eventId: string | null, input: unknown) {
  return scopedAction(async (data: { planId: string; eventId: string | null; input: unknown }, scope) => {
    const id = idParam(data.planId);
    const event = await savePlanEvent({
      scope,
      planId: id,
      eventId: data.eventId === null ? undefined : idParam(data.eventId),
      input: data.input,
    });
    revalidatePath(`/plans/${id}`);
    revalidatePath("/plans");
    return { id: event.id };
  }, RULE)({ planId, eventId, input });
}

/** Held (with the date), cancelled, planned again, or one due date of a recurring event held or not. */
export async function changeEventStatusAction(planId: string, eventId: string, input: unknown) {
  return scopedAction(async (data: { planId: string; eventId: string; input: unknown }, scope) => {
    const id = idParam(data.planId);
    const event = await changeEventStatus({ scope, planId: id, eventId: idParam(data.eventId), input: data.input });
    revalidatePath(`/plans/${id}`);
    revalidatePath("/plans");
    return { id: event.id, status: event.status };
  }, RULE)({ planId, eventId, input });
}
