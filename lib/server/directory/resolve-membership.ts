import "server-only";
import { AppError } from "@/lib/errors";
import { municipalityWhere, organizationWhere, staffRegionIds, type MembershipInput, type Scope } from "@/lib/scope";
import { REGION_ADMINS, REGION_STAFF } from "@/lib/roles";
import type { TMembershipGrant } from "@/lib/schemas/user";
import { db } from "@/lib/server/db/client";

/**
 * Turns a grant (role + the id of a region, municipality or school) into a
 * membership, checking that the target lies inside the admin's scope. A target
 * outside it answers "not found", as any foreign id does.
 */
export async function resolveMembership(options: { scope: Scope; grant: TMembershipGrant }): Promise<MembershipInput> {
  const { scope, grant } = options;
  const adminRegions = staffRegionIds(scope, REGION_ADMINS);
  const missing = new AppError("NOT_FOUND", "Регион, муниципалитет или школа не найдены.", {
    scopeId: ["Выберите значение из списка."],
  });

  if (REGION_STAFF.includes(grant.role)) {
    if (!adminRegions.includes(grant.scopeId)) throw missing;
    return { role: grant.role, regionId: grant.scopeId };
  }
  if (grant.role === "MUNICIPAL_COORDINATOR") {
    const municipality = await db().municipality.findFirst({
      where: { AND: [{ id: grant.scopeId }, municipalityWhere(scope), { regionId: { in: adminRegions } }] },
    });
    if (!municipality) throw missing;
    return { role: grant.role, regionId: municipality.regionId, municipalityId: municipality.id };
  }
  const school = await db().organization.findFirst({
    where: {
      AND: [{ id: grant.scopeId, kind: "SCHOOL" }, organizationWhere(scope), { regionId: { in: adminRegions } }],
    },
  });
  if (!school) throw missing;
  return {
    role: grant.role,
    regionId: school.regionId,
    municipalityId: school.municipalityId,
    organizationId: school.id,
  };
}
