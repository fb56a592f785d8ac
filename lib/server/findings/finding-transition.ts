import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { FindingAction, RemediationStatus } from "@/lib/schemas/finding";

type Tx = Prisma.TransactionClient;

/**
 * Moves a finding from one of `from` to `to` and appends the event, in the
 * caller's transaction. The move is claimed by a conditional update, so of two
 * simultaneous transitions from the same status only one lands; the other is a
 * conflict and changes nothing.
 */
export async function transitionFinding(
  tx: Tx,
  options: {
    scope: Scope;
    findingId: string;
    current: RemediationStatus;
    from: readonly RemediationStatus[];
    to: RemediationStatus;
    action: FindingAction;
    comment: string | null;
    fileId?: string | null;
    data?: Prisma.FindingUpdateManyMutationInput;
    conflict: string;
  },
) {
  if (!options.from.includes(options.current)) throw new AppError("CONFLICT", options.conflict);
  const claimed = await tx.finding.updateMany({
    where: { id: options.findingId, remediationStatus: options.current },
    data: { ...options.data, remediationStatus: options.to },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "Замечание уже изменил другой пользователь. Обновите страницу.");
  return tx.findingEvent.create({
    data: {
      findingId: options.findingId,
      action: options.action,
      fromStatus: options.current,
      toStatus: options.to,
      comment: options.comment,
      fileId: options.fileId ?? null,
      userId: options.scope.userId,
      userName: options.scope.name,
    },
  });
}

/** The region's auditors, who check the fixes. */
export async function regionAuditors(tx: Pick<Tx, "membership">, regionId: string): Promise<string[]> {
  const memberships = await tx.membership.findMany({
    where: { role: "REGION_AUDITOR", regionId },
    select: { userId: true },
  });
  return memberships.map((m) => m.userId);
}

/** "1.2.1 План работы" — how a finding is named in notifications. */
export const findingLabel = (f: { itemNumber: string; itemTitle: string }) => `${f.itemNumber} ${f.itemTitle}`.trim();
