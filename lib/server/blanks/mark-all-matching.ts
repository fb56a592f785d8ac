import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank } from "@/lib/server/scoring/internal/score-stored-blank";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { MARK_CONFLICT } from "./mark-answer";
import { recordChanges } from "./internal/record-change";
import { lockBlankForReview } from "./internal/review-duty";

/** Marks every not-yet-marked item "matches" in one action; each change is still recorded. */
export async function markAllMatching(options: { scope: Scope; blankId: string }): Promise<{ marked: number }> {
  const { blank, items } = await loadBlankFor(options.blankId, reviewerWhere(options.scope));
  if (blank.status !== "SUBMITTED") throw new AppError("CONFLICT", MARK_CONFLICT);
  return db().$transaction(
    async (tx) => {
      // The blank's row first, as every mark and the acceptance take it: no deadlock with them, and the
      // unmarked items are read after the marks before this one, so none of them is overwritten.
      await lockBlankForReview(tx, { blankId: blank.id, scope: options.scope, statuses: ["SUBMITTED"], conflict: MARK_CONFLICT });
      const marked = new Set(
        (await tx.answer.findMany({ where: { blankId: blank.id, mark: { not: null } }, select: { itemKey: true } })).map((a) => a.itemKey),
      );
      const keys = [...items.keys()].filter((key) => !marked.has(key));
      for (const itemKey of keys) {
        await tx.answer.upsert({
          where: { blankId_itemKey: { blankId: blank.id, itemKey } },
          update: { mark: "MATCHES", markComment: null, updatedById: options.scope.userId },
          create: { blankId: blank.id, itemKey, mark: "MATCHES", updatedById: options.scope.userId },
        });
      }
      await recordChanges(
        tx,
        options.scope,
        blank.id,
        keys.map((itemKey) => ({ itemKey, field: "mark", before: null, after: { mark: "MATCHES", comment: null } })),
      );
      await scoreStoredBlank(tx, blank.id);
      return { marked: keys.length };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
