import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REGION_ADMINS } from "@/lib/roles";

/**
 * Takes a role away; only memberships in the admin's own region(s) are reachable.
 * Giving up one of one's own roles is allowed (it only narrows what one may do),
 * except one's admin role: another admin takes it, so a region never loses its
 * last admin by their own click.
 */
export async function revokeMembership(options: { scope: Scope; membershipId: string }) {
  const regions = staffRegionIds(options.scope, REGION_ADMINS);
  const membership = await db().membership.findFirst({
    where: { id: options.membershipId, regionId: { in: regions } },
  });
  if (!membership) throw notFound("Роль не найдена.");
  if (membership.userId === options.scope.userId && membership.role === "REGION_ADMIN") {
    throw new AppError("CONFLICT", "Нельзя снять с себя роль администратора региона: её снимает другой администратор.");
  }
  await db().membership.delete({ where: { id: membership.id } });
  return { id: membership.id };
}
