import "server-only";
import { itemNames, unmarkedItems } from "@/lib/domain/blanks/remarks";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { AuditMark } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank, syncFindings } from "@/lib/server/scoring/internal/score-stored-blank";
import { notify, participantCoordinators } from "@/lib/server/notifications/notify";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { recordChanges } from "./internal/record-change";
import { lockBlankForReview } from "./internal/review-duty";

const UNMARKED_ITEM = "Отметьте соответствие официальным данным.";

/** The auditor accepts a submitted blank once every item carries a mark; its findings are stored then. */
export async function acceptBlank(options: { scope: Scope; blankId: string }) {
  const { blank, content, items } = await loadBlankFor(options.blankId, reviewerWhere(options.scope));
  if (blank.status !== "SUBMITTED") throw new AppError("CONFLICT", "Принять можно только бланк, отправленный на проверку.");
  const names = itemNames(content);
  // Each unmarked item is named (number and title where the number repeats) and keyed, for the form to show it there.
  const requireAllMarked = (answers: Array<{ itemKey: string; mark: AuditMark | null }>) => {
    const unmarked = unmarkedItems(items.keys(), Object.fromEntries(answers.map((a) => [a.itemKey, a])));
    if (unmarked.length) {
      throw new AppError(
        "VALIDATION",
        `Отметьте соответствие официальным данным для всех пунктов: не отмечены ${unmarked.map((key) => names.get(key)).join(", ")}.`,
        Object.fromEntries(unmarked.map((key) => [key, [UNMARKED_ITEM]])),
      );
    }
  };
  requireAllMarked(blank.answers);
  await db().$transaction(
    async (tx) => {
      // The blank's row, which every mark takes first: the marks read now are final.
      await lockBlankForReview(tx, {
        blankId: blank.id,
        scope: options.scope,
        statuses: ["SUBMITTED"],
        conflict: "Бланк уже принят или возвращён.",
      });
      requireAllMarked(await tx.answer.findMany({ where: { blankId: blank.id }, select: { itemKey: true, mark: true } }));
      const acceptedAt = new Date();
      await tx.blank.update({ where: { id: blank.id }, data: { status: "ACCEPTED", acceptedAt, version: { increment: 1 } } });
      await recordChanges(tx, options.scope, blank.id, [{ itemKey: null, field: "status", before: "SUBMITTED", after: "ACCEPTED" }]);
      await syncFindings(tx, blank.id, await scoreStoredBlank(tx, blank.id), acceptedAt);
      await notify(tx, await participantCoordinators(tx, blank), {
        regionId: blank.regionId,
        title: "Бланк принят",
        body: "Аудитор принял ваш бланк соответствия.",
        link: `/blanks/${blank.id}`,
        dedupeKey: `accepted:${blank.id}`,
      });
    },
    // Acceptances and marks of one blank queue on its row: under a burst they wait their turn rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
