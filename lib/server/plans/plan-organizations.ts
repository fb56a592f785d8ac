import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The organisations a plan covers: a school plan its school, a municipal plan the
 * municipality's schools, the region's plan every school of the region.
 * «Не менее 1 педагога от каждой образовательной организации» counts over these.
 */
export function planOrganizationsWhere(plan: {
  regionId: string;
  municipalityId: string | null;
  organizationId: string | null;
}): Prisma.OrganizationWhereInput {
  if (plan.organizationId) return { id: plan.organizationId };
  if (plan.municipalityId) return { municipalityId: plan.municipalityId, kind: "SCHOOL" };
  return { regionId: plan.regionId, kind: "SCHOOL" };
}
