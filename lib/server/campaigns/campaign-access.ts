import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { coordinatedMunicipalityIds, coordinatedOrganizationIds, staffRegionIds, type Scope } from "@/lib/scope";

/** Region staff see their region's campaigns; coordinators those they take part in. */
export function campaignWhere(scope: Scope): Prisma.CampaignWhereInput {
  const OR: Prisma.CampaignWhereInput[] = [];
  const regions = staffRegionIds(scope);
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  if (municipalities.length) OR.push({ blanks: { some: { municipalityId: { in: municipalities } } } });
  if (schools.length) OR.push({ blanks: { some: { organizationId: { in: schools } } } });
  return OR.length ? { OR } : { id: { in: [] } };
}
