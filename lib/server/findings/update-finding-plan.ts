import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/dates";
import type { Scope } from "@/lib/scope";
import { PAST_DEADLINE, type TFindingPlan } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { isFindingParticipant, isFindingReviewer, loadFindingFor } from "./finding-access";

/**
 * The remediation plan of a finding: its deadline and who is responsible.
 *
 * The region's staff set both. The participant (the coordinator who fixes the
 * finding) names the responsible person only: the deadline is the region's
 * requirement, so a participant's changed deadline is refused. A new deadline
 * must not lie in the past. A verified finding is closed and its plan no longer
 * changes. Each change appends a PLAN event describing it.
 */
export async function updateFindingPlan(options: { scope: Scope; input: TFindingPlan; today?: string }) {
  const { input } = options;
  const finding = await loadFindingFor(options.scope, input.findingId);
  const reviewer = isFindingReviewer(options.scope, finding);
  if (!reviewer && !isFindingParticipant(options.scope, finding)) {
    throw new AppError("FORBIDDEN", "План устранения меняют аудитор региона и координатор участника, которому выставлено замечание.");
  }
  const currentDeadline = finding.deadline.toISOString().slice(0, 10);
  const deadline = input.deadline ?? currentDeadline;
  const responsible = input.responsible || null;
  if (deadline !== currentDeadline) {
    if (!reviewer) {
      const message = "Срок устранения устанавливает аудитор региона.";
      throw new AppError("FORBIDDEN", message, { deadline: [message] });
    }
    if (deadline < (options.today ?? earliestLocalToday())) {
      throw new AppError("VALIDATION", PAST_DEADLINE, { deadline: [PAST_DEADLINE] });
    }
  }
  if (finding.remediationStatus === "VERIFIED") {
    throw new AppError("CONFLICT", "Устранение замечания подтверждено: план больше не меняется.");
  }
  const changes: string[] = [];
  if (deadline !== currentDeadline) changes.push(`срок устранения: ${formatDate(currentDeadline)} → ${formatDate(deadline)}`);
  if (responsible !== finding.responsible) {
    changes.push(`ответственный: ${finding.responsible ?? "не назначен"} → ${responsible ?? "не назначен"}`);
  }
  if (changes.length === 0) return;
  await db().$transaction(async (tx) => {
    const claimed = await tx.finding.updateMany({
      where: { id: finding.id, remediationStatus: { not: "VERIFIED" } },
      data: { deadline: new Date(deadline), responsible },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "Устранение замечания подтверждено: план больше не меняется.");
    await tx.findingEvent.create({
      data: {
        findingId: finding.id,
        action: "PLAN",
        comment: changes.join("; ").replace(/^./, (c) => c.toUpperCase()),
        userId: options.scope.userId,
        userName: options.scope.name,
      },
    });
  });
}
