import "server-only";
import { db } from "@/lib/server/db/client";
import { RATE_LIMIT_RETENTION_MS } from "./policies";

/**
 * Deletes the counters whose window began more than RATE_LIMIT_RETENTION_MS ago
 * (longer than any policy's window, so every one of them has ended). Safe beside
 * concurrent hits: a row a hit moves to a new window no longer matches, and a row
 * deleted is the same as a window that has ended (the next hit counts from 1).
 */
export async function purgeExpiredRateLimits(options: { now?: Date } = {}): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - RATE_LIMIT_RETENTION_MS);
  const { count } = await db().rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}
