import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { BlankStatus, TBlankReturn } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { bumpStatsVersion } from "@/lib/server/dashboard/internal/bump-stats-version";
import { notify, participantCoordinators } from "@/lib/server/notifications/notify";
import { reviewerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";
import { recordChanges } from "./internal/record-change";
import { lockBlankForReview } from "./internal/review-duty";

const RETURNABLE: readonly BlankStatus[] = ["SUBMITTED", "ACCEPTED"];
const RETURN_CONFLICT = "Вернуть можно только бланк, отправленный на проверку или принятый.";

/**
 * The auditor returns a submitted blank — or reopens an accepted one — for
 * correction, with a message to the participant. Accepting it again recomputes
 * its findings.
 */
export async function returnBlank(options: { scope: Scope; input: TBlankReturn }) {
  const { input } = options;
  const { blank } = await loadBlankFor(input.blankId, reviewerWhere(options.scope));
  if (!RETURNABLE.includes(blank.status)) throw new AppError("CONFLICT", RETURN_CONFLICT);
  await db().$transaction(async (tx) => {
    // Read again under the row's lock: of two returns at once, the second finds the blank returned.
    const status = await lockBlankForReview(tx, {
      blankId: blank.id,
      scope: options.scope,
      statuses: RETURNABLE,
      conflict: RETURN_CONFLICT,
    });
    await tx.blank.update({
      where: { id: blank.id },
      data: { status: "RETURNED", returnMessage: input.message, version: { increment: 1 } },
    });
    // A returned or reopened blank leaves the dashboard's counted blanks.
    await bumpStatsVersion(tx, blank.id);
    await recordChanges(tx, options.scope, blank.id, [
      { itemKey: null, field: "status", before: status, after: "RETURNED" },
      { itemKey: null, field: "returnMessage", before: null, after: input.message },
    ]);
    await notify(tx, await participantCoordinators(tx, blank), {
      regionId: blank.regionId,
      title: "Бланк возвращён на доработку",
      body: input.message,
      link: `/blanks/${blank.id}`,
      dedupeKey: `returned:${blank.id}:${Date.now()}`,
    });
  });
}
