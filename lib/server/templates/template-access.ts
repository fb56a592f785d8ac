import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Role, type Scope } from "@/lib/scope";

/** Templates belong to a region: its staff may read them, its admins edit them. */
export function templateWhere(scope: Scope, roles: readonly Role[] = ["REGION_ADMIN", "REGION_AUDITOR"]): Prisma.TemplateWhereInput {
  return { regionId: { in: staffRegionIds(scope, roles) } };
}

export const EDITOR_ROLES: readonly Role[] = ["REGION_ADMIN"];
