"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES, PARTICIPANTS, REVIEWERS } from "@/lib/roles";
import { ZFindingFix, ZFindingPlan, ZFindingReopen, ZFindingVerify } from "@/lib/schemas/finding";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { markFindingFixed } from "@/lib/server/findings/mark-finding-fixed";
import { reopenFinding } from "@/lib/server/findings/reopen-finding";
import { updateFindingPlan } from "@/lib/server/findings/update-finding-plan";
import { verifyFinding } from "@/lib/server/findings/verify-finding";

/** The list and every card show remediation statuses: all of them are refreshed. */
const refresh = () => revalidatePath("/findings", "layout");

export const markFindingFixedAction = scopedAction(ZFindingFix, { role: PARTICIPANTS }, async (input, scope) => {
  await markFindingFixed({ scope, input });
  refresh();
  return null;
});

export const verifyFindingAction = scopedAction(ZFindingVerify, { role: REVIEWERS }, async (input, scope) => {
  await verifyFinding({ scope, input });
  refresh();
  return null;
});

export const reopenFindingAction = scopedAction(ZFindingReopen, { role: REVIEWERS }, async (input, scope) => {
  await reopenFinding({ scope, input });
  refresh();
  return null;
});

/** Region staff set the deadline and the responsible person; the participant, the responsible person only. */
export const updateFindingPlanAction = scopedAction(ZFindingPlan, { role: ALL_ROLES }, async (input, scope) => {
  await updateFindingPlan({ scope, input });
  refresh();
  return null;
});
