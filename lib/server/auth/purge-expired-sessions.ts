import "server-only";
import { db } from "@/lib/server/db/client";

/** Deletes the sessions that have expired, revoked or not: they open nothing any more. Run hourly. */
export async function purgeExpiredSessions(options: { now?: Date } = {}): Promise<number> {
  const { count } = await db().authSession.deleteMany({ where: { expiresAt: { lt: options.now ?? new Date() } } });
  return count;
}
