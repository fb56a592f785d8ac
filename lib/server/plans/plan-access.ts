import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { coordinatedMunicipalityIds, coordinatedOrganizationIds, staffRegionIds, type Scope } from "@/lib/scope";
import { REGION_ADMINS } from "@/lib/roles";

const NOTHING = { id: { in: [] as string[] } };

function schoolMunicipalityIds(scope: Scope): string[] {
  return [...new Set(scope.memberships.filter((m) => m.role === "SCHOOL_COORDINATOR" && m.municipalityId).map((m) => m.municipalityId!))];
}

/**
 * Plans a scope may read: region staff every plan of their region; a municipal
 * coordinator their municipality's and its schools'; a school coordinator their
 * school's and their municipality's own plans (the roadmap names them as its audience).
 */
export function planWhere(scope: Scope): Prisma.PlanWhereInput {
  const OR: Prisma.PlanWhereInput[] = [];
  const regions = staffRegionIds(scope);
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  const schoolMunicipalities = schoolMunicipalityIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  if (municipalities.length) OR.push({ municipalityId: { in: municipalities } });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  if (schoolMunicipalities.length) OR.push({ municipalityId: { in: schoolMunicipalities }, organizationId: null });
  return OR.length ? { OR } : NOTHING;
}

/**
 * planWhere as SQL, for the raw reads (the events list): a condition on the plan aliased
 * `p`, with the scope's few ids as parameters, so that a reader of many regions sends
 * no list of plan ids with every batch.
 */
export function planSql(scope: Scope): Prisma.Sql {
  const OR: Prisma.Sql[] = [];
  const regions = staffRegionIds(scope);
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  const schoolMunicipalities = schoolMunicipalityIds(scope);
  if (regions.length) OR.push(Prisma.sql`p."regionId" = ANY(${regions}::uuid[])`);
  if (municipalities.length) OR.push(Prisma.sql`p."municipalityId" = ANY(${municipalities}::uuid[])`);
  if (schools.length) OR.push(Prisma.sql`p."organizationId" = ANY(${schools}::uuid[])`);
  if (schoolMunicipalities.length)
    OR.push(Prisma.sql`(p."municipalityId" = ANY(${schoolMunicipalities}::uuid[]) AND p."organizationId" IS NULL)`);
  return OR.length ? Prisma.sql`(${Prisma.join(OR, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * Plans a scope may change: a region admin any plan of the region; a municipal
 * coordinator the municipality's own plans; a school coordinator the school's.
 * Auditors read only.
 */
export function planWriteWhere(scope: Scope): Prisma.PlanWhereInput {
  const OR: Prisma.PlanWhereInput[] = [];
  const admins = staffRegionIds(scope, REGION_ADMINS);
  const municipalities = coordinatedMunicipalityIds(scope);
  const schools = coordinatedOrganizationIds(scope);
  if (admins.length) OR.push({ regionId: { in: admins } });
  if (municipalities.length) OR.push({ municipalityId: { in: municipalities }, organizationId: null });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  return OR.length ? { OR } : NOTHING;
}

export interface PlanOwner {
  regionId: string;
  municipalityId: string | null;
  organizationId: string | null;
}

/** The same rule as planWriteWhere, for a plan not yet stored. */
export function canWritePlanOwner(scope: Scope, owner: PlanOwner): boolean {
  if (staffRegionIds(scope, REGION_ADMINS).includes(owner.regionId)) return true;
  if (owner.organizationId) return coordinatedOrganizationIds(scope).includes(owner.organizationId);
  return owner.municipalityId !== null && coordinatedMunicipalityIds(scope).includes(owner.municipalityId);
}
