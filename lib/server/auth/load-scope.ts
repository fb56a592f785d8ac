import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

const USER_WITH_MEMBERSHIPS = {
  id: true,
  email: true,
  name: true,
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
} satisfies Prisma.UserSelect;

function scopeOf(user: Prisma.UserGetPayload<{ select: typeof USER_WITH_MEMBERSHIPS }>): Scope {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope of a user, read fresh from the database so a revoked membership ends at once. */
export async function loadScope(userId: string): Promise<Scope | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: USER_WITH_MEMBERSHIPS });
  return user ? scopeOf(user) : null;
}

/**
 * The scope of a signed-in session, on every request: null unless the session's row is there,
 * the user's, neither revoked (sign-out, «Выйти на всех устройствах») nor expired. One statement
 * with the memberships (relationJoins).
 */
export async function loadSessionScope(options: { userId: string; sessionId: string; now?: Date }): Promise<Scope | null> {
  if (!UUID.test(options.sessionId) || !UUID.test(options.userId)) return null;
  const session = await db().authSession.findFirst({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null, expiresAt: { gt: options.now ?? new Date() } },
    select: { user: { select: USER_WITH_MEMBERSHIPS } },
  });
  return session ? scopeOf(session.user) : null;
}
