import "server-only";
import { notFound } from "@/lib/errors";
import { staffRegionIds, userWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** A user of the admin's region with the memberships held there. */
export async function getUser(options: { scope: Scope; id: string }) {
  const regions = staffRegionIds(options.scope, ["REGION_ADMIN"]);
  const user = await db().user.findFirst({
    where: { AND: [{ id: options.id }, userWhere(options.scope)] },
    select: {
      id: true,
      email: true,
      name: true,
      lockedUntil: true,
      createdAt: true,
      memberships: {
        where: { regionId: { in: regions } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          region: { select: { name: true } },
          municipality: { select: { name: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!user) throw notFound("Пользователь");
  return user;
}
