import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  anyOf,
  coordinatedMunicipalityIds,
  coordinatedOrganizationIds,
  ROW_TENANT,
  type Scope,
  staffRegionIds,
  tenantConditions,
  where,
} from "@/lib/scope";
import { REGION_ADMINS } from "@/lib/roles";
import { anyOfSql, tenantSqlConditions } from "@/lib/server/db/any-of-sql";

function schoolMunicipalityIds(scope: Scope): string[] {
  return [...new Set(scope.memberships.filter((m) => m.role === "SCHOOL_COORDINATOR" && m.municipalityId).map((m) => m.municipalityId!))];
}

/**
 * Plans a scope may read: region staff every plan of their region; a municipal
 * coordinator their municipality's and its schools'; a school coordinator their
 * school's and their municipality's own plans (the roadmap names them as its audience).
 */
export function planWhere(scope: Scope): Prisma.PlanWhereInput {
  return anyOf<Prisma.PlanWhereInput>([
    ...tenantConditions<Prisma.PlanWhereInput>(scope, ROW_TENANT),
    ...where(schoolMunicipalityIds(scope), (ids) => ({ municipalityId: { in: ids }, organizationId: null })),
  ]);
}

/**
 * planWhere as SQL, for the raw reads (the events list): a condition on the plan aliased
 * `p`, with the scope's few ids as parameters, so that a reader of many regions sends
 * no list of plan ids with every batch.
 */
export function planSql(scope: Scope): Prisma.Sql {
  return anyOfSql([
    ...tenantSqlConditions(scope, "p"),
    ...where(schoolMunicipalityIds(scope), (ids) => Prisma.sql`(p."municipalityId" = ANY(${ids}::uuid[]) AND p."organizationId" IS NULL)`),
  ]);
}

/**
 * Plans a scope may change: a region admin any plan of the region; a municipal
 * coordinator the municipality's own plans; a school coordinator the school's.
 * Auditors read only.
 */
export function planWriteWhere(scope: Scope): Prisma.PlanWhereInput {
  return anyOf<Prisma.PlanWhereInput>([
    ...where(staffRegionIds(scope, REGION_ADMINS), (ids) => ({ regionId: { in: ids } })),
    ...where(coordinatedMunicipalityIds(scope), (ids) => ({ municipalityId: { in: ids }, organizationId: null })),
    ...tenantConditions<Prisma.PlanWhereInput>(scope, { organization: "organizationId" }),
  ]);
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
