import "server-only";
import { db } from "@/lib/server/db/client";

/** A signed-in session's row, made at sign-in: its id travels in the session cookie (`sid`). */
export async function createAuthSession(options: { userId: string; maxAgeSeconds: number; now?: Date }): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return db().authSession.create({
    data: { userId: options.userId, createdAt: now, expiresAt: new Date(now.getTime() + options.maxAgeSeconds * 1000) },
    select: { id: true },
  });
}
