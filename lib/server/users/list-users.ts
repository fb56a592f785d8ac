import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, userWhere, type Scope } from "@/lib/scope";
import { ZUserListQuery } from "@/lib/schemas/user";
import { db } from "@/lib/server/db/client";
import type { Page } from "@/lib/paging";
import { MEMBERSHIP_VIEW_SELECT, scopeNameOf } from "./membership-view";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  locked: boolean;
  memberships: { id: string; role: string; scopeName: string }[];
}

/** Users of the admin's region(s), paged, sorted and filtered in the database. */
export async function listUsers(options: { scope: Scope; query: unknown }): Promise<Page<UserRow>> {
  const query = ZUserListQuery.parse(options.query);
  const regions = staffRegionIds(options.scope, ["REGION_ADMIN"]);
  const filters: Prisma.UserWhereInput[] = [userWhere(options.scope)];
  if (query.q) {
    filters.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { email: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  if (query.role) filters.push({ memberships: { some: { role: query.role, regionId: { in: regions } } } });
  const where = { AND: filters };
  const [total, users] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        createdAt: true,
        lockedUntil: true,
        memberships: {
          where: { regionId: { in: regions } },
          orderBy: { createdAt: "asc" },
          select: MEMBERSHIP_VIEW_SELECT,
        },
      },
    }),
  ]);
  const now = new Date();
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      createdAt: u.createdAt.toISOString(),
      locked: u.lockedUntil !== null && u.lockedUntil > now,
      memberships: u.memberships.map((m) => ({ id: m.id, role: m.role, scopeName: scopeNameOf(m) })),
    })),
  };
}
