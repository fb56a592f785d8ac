import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { ZAnswerMark } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank } from "@/lib/server/scoring/score-stored-blank";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./load-blank-for";
import { recordChanges } from "./record-change";

/** The auditor's mark in «Соответствие официальным данным» for one item of a submitted blank. */
export async function markAnswer(options: { scope: Scope; input: unknown }) {
  const input = ZAnswerMark.parse(options.input);
  const { blank, items } = await loadBlankFor(input.blankId, reviewerWhere(options.scope));
  if (blank.status !== "SUBMITTED") throw new AppError("CONFLICT", "Отмечать можно только бланк, отправленный на проверку.");
  if (!items.has(input.itemKey)) throw new AppError("NOT_FOUND", "Такого пункта в бланке нет.");
  const before = blank.answers.find((a) => a.itemKey === input.itemKey);
  const comment = input.comment || null;
  if (before && before.mark === input.mark && before.markComment === comment) return;
  await db().$transaction(async (tx) => {
    await tx.answer.upsert({
      where: { blankId_itemKey: { blankId: blank.id, itemKey: input.itemKey } },
      update: { mark: input.mark, markComment: comment, updatedById: options.scope.userId },
      create: { blankId: blank.id, itemKey: input.itemKey, mark: input.mark, markComment: comment, updatedById: options.scope.userId },
    });
    await recordChanges(tx, options.scope, blank.id, [
      {
        itemKey: input.itemKey,
        field: "mark",
        before: before?.mark ? { mark: before.mark, comment: before.markComment } : null,
        after: input.mark ? { mark: input.mark, comment } : null,
      },
    ]);
    await scoreStoredBlank(tx, blank.id);
  });
}
