import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TFindingFix } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { claimFile } from "@/lib/server/privacy/internal/claim-file";
import { notify } from "@/lib/server/notifications/notify";
import { isFindingParticipant, loadFindingFor } from "./finding-access";
import { findingLabel, regionAuditors, transitionFinding } from "./finding-transition";

/**
 * The participant reports a finding fixed (OPEN or REOPENED → FIXED) with
 * evidence: a comment, a document, or both. The document is a file the participant
 * has just uploaded (it becomes the finding's, read by the finding's readers) or the
 * finding's own. The region's auditors are notified to check it.
 */
export async function markFindingFixed(options: { scope: Scope; input: TFindingFix }) {
  const { input } = options;
  const finding = await loadFindingFor(options.scope, input.findingId);
  if (!isFindingParticipant(options.scope, finding)) {
    throw new AppError("FORBIDDEN", "Отметить замечание устранённым может только координатор участника, которому оно выставлено.");
  }
  const comment = input.comment || null;
  await db().$transaction(async (tx) => {
    if (input.fileId) {
      await claimFile(tx, {
        scope: options.scope,
        fileId: input.fileId,
        owner: { kind: "FINDING", id: finding.id, regionId: finding.regionId },
        field: "fileId",
      });
    }
    const event = await transitionFinding(tx, {
      scope: options.scope,
      findingId: finding.id,
      current: finding.remediationStatus,
      from: ["OPEN", "REOPENED"],
      to: "FIXED",
      action: "FIXED",
      comment,
      fileId: input.fileId,
      data: { evidenceComment: comment, evidenceFileId: input.fileId },
      conflict:
        finding.remediationStatus === "VERIFIED"
          ? "Устранение этого замечания уже подтверждено."
          : "Замечание уже отмечено как устранённое и ожидает проверки аудитора.",
    });
    await notify(tx, await regionAuditors(tx, finding.regionId), {
      regionId: finding.regionId,
      title: "Замечание устранено: требуется проверка",
      body: `${findingLabel(finding)}${comment ? ` — ${comment}` : ""}`,
      link: `/findings/${finding.id}`,
      dedupeKey: `finding-fixed:${event.id}`,
    });
  });
}
