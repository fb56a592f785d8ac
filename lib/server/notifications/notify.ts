import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "notification" | "membership">;

export interface NotificationInput {
  regionId: string;
  title: string;
  body: string;
  link: string;
  /** Makes sending idempotent: one notification per key and user. */
  dedupeKey: string;
}

/** In-app notifications for users; the e-mail side is sent by send-pending-emails.ts. */
export async function notify(tx: Tx, userIds: string[], input: NotificationInput): Promise<number> {
  if (userIds.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: [...new Set(userIds)].map((userId) => ({ ...input, userId, dedupeKey: `${input.dedupeKey}:${userId}` })),
    skipDuplicates: true,
  });
  return result.count;
}

/** The coordinators who fill a blank: the municipality's for a municipal blank, the school's for a school blank. */
export async function participantCoordinators(tx: Tx, blank: { municipalityId: string; organizationId: string | null }): Promise<string[]> {
  const memberships = await tx.membership.findMany({
    where: blank.organizationId
      ? { role: "SCHOOL_COORDINATOR", organizationId: blank.organizationId }
      : { role: "MUNICIPAL_COORDINATOR", municipalityId: blank.municipalityId },
    select: { userId: true },
  });
  return memberships.map((m) => m.userId);
}
