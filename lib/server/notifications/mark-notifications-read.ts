import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** Marks all of the caller's notifications read. */
export async function markNotificationsRead(options: { scope: Scope }) {
  const { count } = await db().notification.updateMany({
    where: { userId: options.scope.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { count };
}
