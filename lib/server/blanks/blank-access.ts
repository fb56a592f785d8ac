import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { coordinatedMunicipalityIds, coordinatedOrganizationIds, staffRegionIds, type Scope } from "@/lib/scope";

const NOTHING: Prisma.BlankWhereInput = { id: { in: [] } };

/**
 * Who may read a blank: the region's staff; a municipal coordinator, their
 * municipality's blank and its schools' blanks; a school coordinator, their school's.
 */
export function blankWhere(scope: Scope): Prisma.BlankWhereInput {
  const OR: Prisma.BlankWhereInput[] = [];
  const regions = staffRegionIds(scope);
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  if (municipalities.length) OR.push({ municipalityId: { in: municipalities } });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  return OR.length ? { OR } : NOTHING;
}

/** Who fills a blank: the participant's own coordinator, and nobody else. */
export function participantWhere(scope: Scope): Prisma.BlankWhereInput {
  const OR: Prisma.BlankWhereInput[] = [];
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  if (municipalities.length) OR.push({ organizationId: null, municipalityId: { in: municipalities } });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  return OR.length ? { OR } : NOTHING;
}

/** Who reviews a blank: the region's auditors and admins. */
export function reviewerWhere(scope: Scope): Prisma.BlankWhereInput {
  const regions = staffRegionIds(scope);
  return regions.length ? { regionId: { in: regions } } : NOTHING;
}

export const FILLABLE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "RETURNED"] as const;
