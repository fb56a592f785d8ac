import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * «Выйти на всех устройствах»: every session of the user is revoked, this one included, so each
 * is signed out at its next request (loadSessionScope finds it revoked). Signing in again starts
 * a new one.
 */
export async function signOutEverywhere(options: { userId: string; now?: Date }): Promise<{ revoked: number }> {
  const { count } = await db().authSession.updateMany({
    where: { userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now ?? new Date() },
  });
  return { revoked: count };
}
