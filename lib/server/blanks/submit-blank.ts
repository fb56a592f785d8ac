import "server-only";
import { itemNames } from "@/lib/domain/blanks/remarks";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TBlankSubmit } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { scoreStoredBlank } from "@/lib/server/scoring/internal/score-stored-blank";
import { FILLABLE_STATUSES, participantWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { CONFLICT_MESSAGE } from "./save-blank-answers";
import { recordChanges } from "./internal/record-change";

/** The participant sends the blank for review; answers carried over from a previous campaign must be confirmed first. */
export async function submitBlank(options: { scope: Scope; input: TBlankSubmit }) {
  const { input } = options;
  const { blank, content, items } = await loadBlankFor(input.blankId, participantWhere(options.scope));
  if (!(FILLABLE_STATUSES as readonly string[]).includes(blank.status)) {
    throw new AppError("CONFLICT", "Бланк уже отправлен на проверку.");
  }
  const unconfirmed = blank.answers.filter((a) => a.carriedOver && items.has(a.itemKey));
  if (unconfirmed.length) {
    const names = itemNames(content);
    throw new AppError(
      "VALIDATION",
      `Подтвердите ответы, перенесённые из прошлой кампании (пункты ${unconfirmed.map((a) => names.get(a.itemKey)).join(", ")}).`,
      Object.fromEntries(unconfirmed.map((a) => [a.itemKey, ["Подтвердите ответ, перенесённый из прошлой кампании."]])),
    );
  }
  return db().$transaction(async (tx) => {
    const claimed = await tx.blank.updateMany({
      where: { id: blank.id, version: input.version, status: blank.status },
      data: {
        version: { increment: 1 },
        status: "SUBMITTED",
        submittedAt: new Date(),
        submittedById: options.scope.userId,
        returnMessage: null,
      },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordChanges(tx, options.scope, blank.id, [{ itemKey: null, field: "status", before: blank.status, after: "SUBMITTED" }]);
    await scoreStoredBlank(tx, blank.id);
    return { version: input.version + 1 };
  });
}
