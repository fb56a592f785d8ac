import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** The caller's own notifications, newest first. */
export async function listNotifications(options: { scope: Scope; take?: number }) {
  return db().notification.findMany({
    where: { userId: options.scope.userId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export async function countUnread(options: { scope: Scope }) {
  return db().notification.count({ where: { userId: options.scope.userId, readAt: null } });
}
