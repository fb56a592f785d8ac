import "server-only";
import { notFound } from "@/lib/errors";
import { staffRegionIds, userWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { MEMBERSHIP_VIEW_SELECT, scopeNameOf } from "./membership-view";
import { REGION_ADMINS } from "@/lib/roles";

/** A user of the admin's region with the memberships held there. */
export async function getUser(options: { scope: Scope; id: string }) {
  const regions = staffRegionIds(options.scope, REGION_ADMINS);
  const user = await db().user.findFirst({
    where: { AND: [{ id: options.id }, userWhere(options.scope)] },
    select: {
      id: true,
      email: true,
      name: true,
      createdAt: true,
      memberships: {
        where: { regionId: { in: regions } },
        orderBy: { createdAt: "asc" },
        select: MEMBERSHIP_VIEW_SELECT,
      },
    },
  });
  if (!user) throw notFound("Пользователь не найден.");
  return {
    ...user,
    memberships: user.memberships.map((m) => ({ id: m.id, role: m.role, scopeName: scopeNameOf(m) })),
  };
}
