"use server";

import { revalidatePath } from "next/cache";
import { ROLES } from "@/lib/scope";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { markFindingFixed } from "@/lib/server/findings/mark-finding-fixed";
import { reopenFinding } from "@/lib/server/findings/reopen-finding";
import { updateFindingPlan } from "@/lib/server/findings/update-finding-plan";
import { verifyFinding } from "@/lib/server/findings/verify-finding";

const PARTICIPANTS = { role: ["MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"] } as const;
const REVIEWERS = { role: ["REGION_ADMIN", "REGION_AUDITOR"] } as const;

/** The list and every card show remediation statuses: all of them are refreshed. */
const refresh = () => revalidatePath("/findings", "layout");

export async function markFindingFixedAction(input: unknown) {
  return scopedAction(async (data, scope) => {
    await markFindingFixed({ scope, input: data });
    refresh();
    return null;
  }, PARTICIPANTS)(input);
}

export async function verifyFindingAction(input: unknown) {
  return scopedAction(async (data, scope) => {
    await verifyFinding({ scope, input: data });
    refresh();
    return null;
  }, REVIEWERS)(input);
}

export async function reopenFindingAction(input: unknown) {
  return scopedAction(async (data, scope) => {
    await reopenFinding({ scope, input: data });
    refresh();
    return null;
  }, REVIEWERS)(input);
}

/** Region staff set the deadline and the responsible person; the participant, the responsible person only. */
export async function updateFindingPlanAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      await updateFindingPlan({ scope, input: data });
      refresh();
      return null;
    },
    { role: ROLES },
  )(input);
}
