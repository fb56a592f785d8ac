import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * «Выйти на всех устройствах»: every session of the user that began before now is
 * signed out at its next request (loadScope compares its sign-in time with
 * User.sessionsValidFrom), this one included. Signing in again starts a valid one.
 */
export async function signOutEverywhere(options: { userId: string; now?: Date }): Promise<{ sessionsValidFrom: Date }> {
  const sessionsValidFrom = options.now ?? new Date();
  await db().user.update({ where: { id: options.userId }, data: { sessionsValidFrom }, select: { id: true } });
  return { sessionsValidFrom };
}
