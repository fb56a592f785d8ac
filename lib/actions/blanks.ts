"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES, PARTICIPANTS, REVIEWERS } from "@/lib/roles";
import { ZAnswerMark, ZBlankDocxImport, ZBlankItemRef, ZBlankRef, ZBlankReturn, ZBlankSubmit } from "@/lib/schemas/blank";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { getItemHistory } from "@/lib/server/blanks/get-item-history";
import { importBlankDocx } from "@/lib/server/blanks/import-blank-docx";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { markAnswer } from "@/lib/server/blanks/mark-answer";
import { returnBlank } from "@/lib/server/blanks/return-blank";
import { submitBlank } from "@/lib/server/blanks/submit-blank";

export const submitBlankAction = scopedAction(ZBlankSubmit, { role: PARTICIPANTS }, async (input, scope) => {
  const result = await submitBlank({ scope, input });
  revalidatePath(`/blanks/${input.blankId}`);
  return result;
});

/** «Применить» in «Загрузить бланк из Word»: the previewed file's answers, one save (import-blank-docx.ts). */
export const importBlankDocxAction = scopedAction(ZBlankDocxImport, { role: ALL_ROLES }, async (input, scope) => {
  const result = await importBlankDocx({ scope, input });
  revalidatePath(`/blanks/${input.blankId}`);
  return result;
});

export const markAnswerAction = scopedAction(ZAnswerMark, { role: REVIEWERS }, async (input, scope) => markAnswer({ scope, input }));

export const markAllMatchingAction = scopedAction(ZBlankRef, { role: REVIEWERS }, async ({ blankId }, scope) => {
  const result = await markAllMatching({ scope, blankId });
  revalidatePath(`/blanks/${blankId}`);
  return result;
});

export const returnBlankAction = scopedAction(ZBlankReturn, { role: REVIEWERS }, async (input, scope) => {
  await returnBlank({ scope, input });
  revalidatePath(`/blanks/${input.blankId}`);
  return null;
});

export const acceptBlankAction = scopedAction(ZBlankRef, { role: REVIEWERS }, async ({ blankId }, scope) => {
  await acceptBlank({ scope, blankId });
  revalidatePath(`/blanks/${blankId}`);
  return null;
});

export const itemHistoryAction = scopedAction(ZBlankItemRef, { role: ALL_ROLES }, async (input, scope) =>
  (await getItemHistory({ scope, ...input })).map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
);
