import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank, syncFindings } from "@/lib/server/scoring/internal/score-stored-blank";
import { notify, participantCoordinators } from "@/lib/server/notifications/notify";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { recordChanges } from "./internal/record-change";
import { lockBlankForReview } from "./internal/review-duty";

/** The auditor accepts a submitted blank once every item carries a mark; its findings are stored then. */
export async function acceptBlank(options: { scope: Scope; blankId: string }) {
  const { blank, items } = await loadBlankFor(options.blankId, reviewerWhere(options.scope));
  if (blank.status !== "SUBMITTED") throw new AppError("CONFLICT", "Принять можно только бланк, отправленный на проверку.");
  const requireAllMarked = (answers: Array<{ itemKey: string; mark: string | null }>) => {
    const marked = new Set(answers.filter((a) => a.mark !== null).map((a) => a.itemKey));
    const unmarked = [...items.values()].filter((item) => !marked.has(item.key));
    if (unmarked.length) {
      throw new AppError(
        "CONFLICT",
        `Отметьте соответствие официальным данным для всех пунктов: не отмечены ${unmarked.map((i) => i.number).join(", ")}.`,
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
