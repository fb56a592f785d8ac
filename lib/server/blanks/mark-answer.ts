import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TAnswerMark } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank } from "@/lib/server/scoring/internal/score-stored-blank";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { recordChanges } from "./internal/record-change";
import { lockBlankForReview } from "./internal/review-duty";

export const MARK_CONFLICT = "Отмечать можно только бланк, отправленный на проверку.";

/** The auditor's mark in «Соответствие официальным данным» for one item of a submitted blank. */
export async function markAnswer(options: { scope: Scope; input: TAnswerMark }) {
  const { input } = options;
  const { blank, items } = await loadBlankFor(input.blankId, reviewerWhere(options.scope));
  if (blank.status !== "SUBMITTED") throw new AppError("CONFLICT", MARK_CONFLICT);
  if (!items.has(input.itemKey)) throw new AppError("NOT_FOUND", "Такого пункта в бланке нет.");
  const comment = input.comment || null;
  const unchanged = (a: { mark: string | null; markComment: string | null } | null | undefined) =>
    !!a && a.mark === input.mark && a.markComment === comment;
  if (unchanged(blank.answers.find((a) => a.itemKey === input.itemKey))) return;
  await db().$transaction(
    async (tx) => {
      // Marks and the acceptance of a blank take its row first, one after another: a mark lands
      // before the acceptance (whose findings then count it) or is refused after it, never in between;
      // a reviewer who filled or submitted the blank is refused here.
      await lockBlankForReview(tx, { blankId: blank.id, scope: options.scope, statuses: ["SUBMITTED"], conflict: MARK_CONFLICT });
      const before = await tx.answer.findUnique({
        where: { blankId_itemKey: { blankId: blank.id, itemKey: input.itemKey } },
        select: { mark: true, markComment: true },
      });
      if (unchanged(before)) return;
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
    },
    // Marks of one blank queue on its row: under a burst they wait their turn rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
