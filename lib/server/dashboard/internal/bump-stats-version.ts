import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Marks the aggregates of a blank's campaign (its dashboard's counts, scores and typical
 * errors) as changed, in the caller's transaction: the per-worker cache of those
 * aggregates (dashboard-cache.ts) is keyed by this version, so the next read after the
 * commit recounts. Raw SQL: a counter is not a fact for the audit trail.
 */
export async function bumpStatsVersion(tx: Prisma.TransactionClient, blankId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Campaign" SET "statsVersion" = "statsVersion" + 1
    WHERE id = (SELECT "campaignId" FROM "Blank" WHERE id = ${blankId}::uuid)`;
}
