import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * Deletes the limiters' rows whose window ended (expire, ms since the epoch, has passed):
 * such a row counts for nothing, as the library starts a new window over it. Run by the
 * hourly job instead of the library's own timer in every process.
 */
export async function purgeExpiredRateLimits(options: { now?: Date } = {}): Promise<number> {
  const now = BigInt((options.now ?? new Date()).getTime());
  const { count } = await db().rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  return count;
}
