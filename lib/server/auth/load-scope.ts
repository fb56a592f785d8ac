import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/**
 * The scope of a user, read fresh from the database so a revoked membership ends at once.
 * With `signedInAt` (a session's sign-in time, ms), a session that began before the
 * user's «Выйти на всех устройствах» (User.sessionsValidFrom) has no scope: it is signed out.
 */
export async function loadScope(userId: string, session?: { signedInAt: number }): Promise<Scope | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      sessionsValidFrom: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          regionId: true,
          municipalityId: true,
          organizationId: true,
          region: { select: { name: true } },
          municipality: { select: { name: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!user) return null;
  if (session && user.sessionsValidFrom && session.signedInAt < user.sessionsValidFrom.getTime()) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      regionId: m.regionId,
      municipalityId: m.municipalityId,
      organizationId: m.organizationId,
      scopeName: m.organization?.name ?? m.municipality?.name ?? m.region.name,
    })),
  };
}
