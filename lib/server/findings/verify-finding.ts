import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TFindingVerify } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { notify, participantCoordinators } from "@/lib/server/notifications/notify";
import { isFindingReviewer, loadFindingFor } from "./finding-access";
import { findingLabel, transitionFinding } from "./finding-transition";

/** The region's auditor or admin confirms a reported fix (FIXED → VERIFIED); the finding is closed. */
export async function verifyFinding(options: { scope: Scope; input: TFindingVerify }) {
  const { input } = options;
  const finding = await loadFindingFor(options.scope, input.findingId);
  if (!isFindingReviewer(options.scope, finding)) {
    throw new AppError("FORBIDDEN", "Подтвердить устранение может только аудитор или администратор региона.");
  }
  const comment = input.comment || null;
  await db().$transaction(async (tx) => {
    const event = await transitionFinding(tx, {
      scope: options.scope,
      findingId: finding.id,
      current: finding.remediationStatus,
      from: ["FIXED"],
      to: "VERIFIED",
      action: "VERIFIED",
      comment,
      conflict:
        finding.remediationStatus === "VERIFIED"
          ? "Устранение этого замечания уже подтверждено."
          : "Подтвердить можно только замечание, которое участник отметил как устранённое.",
    });
    await notify(tx, await participantCoordinators(tx, finding), {
      regionId: finding.regionId,
      title: "Устранение замечания подтверждено",
      body: `${findingLabel(finding)}${comment ? ` — ${comment}` : ""}`,
      link: `/findings/${finding.id}`,
      dedupeKey: `finding-verified:${event.id}`,
    });
  });
}
