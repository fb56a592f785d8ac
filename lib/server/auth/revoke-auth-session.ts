import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * Sign-out: the session ends on the server, so its cookie opens nothing even if it was copied
 * before the browser dropped it. A session already revoked keeps its first revocation time.
 */
export async function revokeAuthSession(options: { sessionId: string; userId: string; now?: Date }): Promise<boolean> {
  const { count } = await db().authSession.updateMany({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count > 0;
}
