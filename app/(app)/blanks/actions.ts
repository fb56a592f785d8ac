"use server";

import { revalidatePath } from "next/cache";
import { ROLES } from "@/lib/scope";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { getItemHistory } from "@/lib/server/blanks/get-item-history";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { markAnswer } from "@/lib/server/blanks/mark-answer";
import { returnBlank } from "@/lib/server/blanks/return-blank";
import { saveBlankAnswers } from "@/lib/server/blanks/save-blank-answers";
import { submitBlank } from "@/lib/server/blanks/submit-blank";

const PARTICIPANTS = { role: ["MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"] } as const;
const REVIEWERS = { role: ["REGION_ADMIN", "REGION_AUDITOR"] } as const;

export async function saveAnswersAction(input: unknown) {
  return scopedAction((data, scope) => saveBlankAnswers({ scope, input: data }), PARTICIPANTS)(input);
}

export async function submitBlankAction(input: { blankId: string; version: number }) {
  return scopedAction(async (data: typeof input, scope) => {
    const result = await submitBlank({ scope, input: data });
    revalidatePath(`/blanks/${data.blankId}`);
    return result;
  }, PARTICIPANTS)(input);
}

export async function markAnswerAction(input: unknown) {
  return scopedAction((data, scope) => markAnswer({ scope, input: data }), REVIEWERS)(input);
}

export async function markAllMatchingAction(blankId: string) {
  return scopedAction(async (id: string, scope) => {
    const result = await markAllMatching({ scope, blankId: id });
    revalidatePath(`/blanks/${id}`);
    return result;
  }, REVIEWERS)(blankId);
}

export async function returnBlankAction(input: { blankId: string; message: string }) {
  return scopedAction(async (data: typeof input, scope) => {
    await returnBlank({ scope, input: data });
    revalidatePath(`/blanks/${data.blankId}`);
    return null;
  }, REVIEWERS)(input);
}

export async function acceptBlankAction(blankId: string) {
  return scopedAction(async (id: string, scope) => {
    await acceptBlank({ scope, blankId: id });
    revalidatePath(`/blanks/${id}`);
    return null;
  }, REVIEWERS)(blankId);
}

export async function itemHistoryAction(input: { blankId: string; itemKey: string }) {
  return scopedAction(
    async (data: typeof input, scope) =>
      (await getItemHistory({ scope, ...data })).map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    { role: ROLES },
  )(input);
}
