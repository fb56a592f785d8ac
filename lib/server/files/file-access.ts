import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Scope } from "@/lib/scope";

/**
 * The files a scope may read: region staff every file of their region, a
 * municipal coordinator those of the municipality (its schools' included, as
 * they carry its id), a school coordinator those of the school.
 */
export function fileWhere(scope: Scope): Prisma.StoredFileWhereInput {
  const OR: Prisma.StoredFileWhereInput[] = [];
  const regions = staffRegionIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  for (const m of scope.memberships) {
    if (m.role === "MUNICIPAL_COORDINATOR" && m.municipalityId) {
      OR.push({ regionId: m.regionId, municipalityId: m.municipalityId });
    }
    if (m.role === "SCHOOL_COORDINATOR" && m.organizationId) {
      OR.push({ regionId: m.regionId, organizationId: m.organizationId });
    }
  }
  // No rights must match nothing, never fall through to "no filter".
  return OR.length ? { OR } : { id: { in: [] } };
}
