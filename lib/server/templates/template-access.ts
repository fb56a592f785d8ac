import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { REGION_STAFF, type Role } from "@/lib/roles";

/** Templates belong to a region: its staff may read them, its admins edit them. */
export function templateWhere(scope: Scope, roles: readonly Role[] = REGION_STAFF): Prisma.TemplateWhereInput {
  return { regionId: { in: staffRegionIds(scope, roles) } };
}
