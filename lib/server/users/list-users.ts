import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, userWhere, type Scope } from "@/lib/scope";
import type { TUserListQuery } from "@/lib/schemas/user";
import { db } from "@/lib/server/db/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import { MEMBERSHIP_VIEW_SELECT, scopeNameOf } from "./membership-view";
import { REGION_ADMINS } from "@/lib/roles";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  memberships: { id: string; role: string; scopeName: string }[];
}

type ListOptions = { scope: Scope; query: TUserListQuery };

/** Users of the admin's region(s), paged, sorted and filtered in the database. */
export async function listUsers(options: ListOptions): Promise<Page<UserRow>> {
  const { query } = options;
  return pageOf(usersSource(options.scope, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iterateUsers(options: ListOptions & { batchSize?: number }) {
  return batchesOf(usersSource(options.scope, options.query), options.batchSize);
}

function usersSource(scope: Scope, query: TUserListQuery): ListSource<UserRow> {
  const regions = staffRegionIds(scope, REGION_ADMINS);
  const filters: Prisma.UserWhereInput[] = [userWhere(scope)];
  if (query.q) {
    filters.push({
      OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }],
    });
  }
  if (query.role) filters.push({ memberships: { some: { role: query.role, regionId: { in: regions } } } });
  const where = { AND: filters };
  return {
    count: () => db().user.count({ where }),
    read: async (window) => {
      const users = await db().user.findMany({
        where,
        orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
        ...window,
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
      return users.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        createdAt: u.createdAt.toISOString(),
        memberships: u.memberships.map((m) => ({ id: m.id, role: m.role, scopeName: scopeNameOf(m) })),
      }));
    },
  };
}
