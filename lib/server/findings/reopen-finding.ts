import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TFindingReopen } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { notify, participantCoordinators } from "@/lib/server/notifications/notify";
import { isFindingReviewer, loadFindingFor } from "./finding-access";
import { findingLabel, transitionFinding } from "./finding-transition";

/**
 * The region's auditor or admin finds a reported fix insufficient and returns the
 * finding to work (FIXED → REOPENED), saying why; the participant's coordinators
 * are notified. The deadline stays; the staff may move it with the plan.
 */
export async function reopenFinding(options: { scope: Scope; input: TFindingReopen }) {
  const { input } = options;
  const finding = await loadFindingFor(options.scope, input.findingId);
  if (!isFindingReviewer(options.scope, finding)) {
    throw new AppError("FORBIDDEN", "Вернуть замечание в работу может только аудитор или администратор региона.");
  }
  await db().$transaction(async (tx) => {
    const event = await transitionFinding(tx, {
      scope: options.scope,
      findingId: finding.id,
      current: finding.remediationStatus,
      from: ["FIXED"],
      to: "REOPENED",
      action: "REOPENED",
      comment: input.comment,
      conflict:
        finding.remediationStatus === "VERIFIED"
          ? "Устранение этого замечания уже подтверждено: вернуть его в работу нельзя."
          : "Вернуть в работу можно только замечание, которое участник отметил как устранённое.",
    });
    await notify(tx, await participantCoordinators(tx, finding), {
      regionId: finding.regionId,
      title: "Замечание возвращено в работу",
      body: `${findingLabel(finding)}: ${input.comment}`,
      link: `/findings/${finding.id}`,
      dedupeKey: `finding-reopened:${event.id}`,
    });
  });
}
