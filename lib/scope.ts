/**
 * The scoping rules, pure: who may see which region, municipality and
 * organisation, and the Prisma filters that say the same thing in queries.
 * Built from the session's memberships by lib/server/auth/get-scope.ts.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { REGION_ADMINS, REGION_STAFF, type Role } from "@/lib/roles";

export interface MembershipClaim {
  id: string;
  role: Role;
  regionId: string;
  municipalityId: string | null;
  organizationId: string | null;
  /** Human name of the scope ("Славянский район"), for display only. */
  scopeName: string;
}

/** A membership to be stored: the role and the ids of its scope, widest first. */
export interface MembershipInput {
  role: Role;
  regionId: string;
  municipalityId?: string | null;
  organizationId?: string | null;
}

/** The narrowest scope's id: what a membership, or a registry of documents, is unique by. */
export function scopeIdOf<T extends Pick<MembershipInput, "regionId" | "municipalityId" | "organizationId">>(m: T): string {
  return m.organizationId ?? m.municipalityId ?? m.regionId;
}

export interface Scope {
  userId: string;
  email: string;
  name: string;
  memberships: MembershipClaim[];
}

export type HomePath = "/region" | "/municipality" | "/school";

export function homePathFor(role: Role): HomePath {
  if (role === "MUNICIPAL_COORDINATOR") return "/municipality";
  if (role === "SCHOOL_COORDINATOR") return "/school";
  return "/region";
}

/** The scope narrowed to the given roles; a route sees only what its roles grant. */
export function narrowScope(scope: Scope, roles: readonly Role[]): Scope {
  return { ...scope, memberships: scope.memberships.filter((m) => roles.includes(m.role)) };
}

export function hasAnyRole(scope: Scope, roles: readonly Role[]): boolean {
  return scope.memberships.some((m) => roles.includes(m.role));
}

const isStaff = (m: MembershipClaim) => REGION_STAFF.includes(m.role);

/** Regions in which the scope has region-level staff rights. */
export function staffRegionIds(scope: Scope, roles: readonly Role[] = REGION_STAFF): string[] {
  return unique(scope.memberships.filter((m) => isStaff(m) && roles.includes(m.role)).map((m) => m.regionId));
}

export function coordinatedMunicipalityIds(scope: Scope): string[] {
  return unique(
    scope.memberships.filter((m) => m.role === "MUNICIPAL_COORDINATOR" && m.municipalityId).map((m) => m.municipalityId as string),
  );
}

export function coordinatedOrganizationIds(scope: Scope): string[] {
  return unique(
    scope.memberships.filter((m) => m.role === "SCHOOL_COORDINATOR" && m.organizationId).map((m) => m.organizationId as string),
  );
}

export function canSeeRegion(scope: Scope, regionId: string): boolean {
  return staffRegionIds(scope).includes(regionId);
}

export function canSeeMunicipality(scope: Scope, municipality: { id: string; regionId: string }): boolean {
  return canSeeRegion(scope, municipality.regionId) || coordinatedMunicipalityIds(scope).includes(municipality.id);
}

export function canSeeOrganization(scope: Scope, organization: { id: string; regionId: string; municipalityId: string | null }): boolean {
  return (
    canSeeRegion(scope, organization.regionId) ||
    (organization.municipalityId !== null && coordinatedMunicipalityIds(scope).includes(organization.municipalityId)) ||
    coordinatedOrganizationIds(scope).includes(organization.id)
  );
}

/** Matches nothing: a scope without rights must not fall through to "no filter". */
export const NOTHING = { id: { in: [] as string[] } };

/** A condition on these ids, or none when there are no ids: `anyOf([...where(schools, (ids) => …), …])`. */
export function where<W>(ids: readonly string[], condition: (ids: string[]) => W): W[] {
  return ids.length ? [condition([...ids])] : [];
}

/** Any of the conditions, or NOTHING when there are none: every scoped filter ends here. */
export function anyOf<W>(conditions: readonly W[]): W {
  return (conditions.length ? { OR: conditions } : NOTHING) as W;
}

/**
 * Which column of a model names each level of the tenant a row belongs to; a level
 * left out grants nothing through it (a municipality's row has no school).
 */
export interface TenantColumns {
  region?: string;
  municipality?: string;
  organization?: string;
}

/** Rows that carry regionId, municipalityId and organizationId (blanks, findings, documents, files…). */
export const ROW_TENANT: TenantColumns = { region: "regionId", municipality: "municipalityId", organization: "organizationId" };

/**
 * The one tenant filter: region staff see their regions' rows, a municipal coordinator
 * their municipality's (its schools' included, as they carry its id), a school
 * coordinator their school's — each through the column `columns` names for that level.
 */
export function tenantWhere<W>(scope: Scope, columns: TenantColumns = ROW_TENANT): W {
  return anyOf(tenantConditions<W>(scope, columns));
}

/** tenantWhere's conditions, one per level the scope has rights at, for a filter that adds its own. */
export function tenantConditions<W>(scope: Scope, columns: TenantColumns): W[] {
  const levels: Array<[string | undefined, string[]]> = [
    [columns.region, staffRegionIds(scope)],
    [columns.municipality, coordinatedMunicipalityIds(scope)],
    [columns.organization, coordinatedOrganizationIds(scope)],
  ];
  return levels.flatMap(([column, ids]) => (column && ids.length ? [{ [column]: { in: ids } } as W] : []));
}

export const municipalityWhere = (scope: Scope) =>
  tenantWhere<Prisma.MunicipalityWhereInput>(scope, { region: "regionId", municipality: "id" });

export const organizationWhere = (scope: Scope) =>
  tenantWhere<Prisma.OrganizationWhereInput>(scope, { region: "regionId", municipality: "municipalityId", organization: "id" });

/** Users visible to a region admin: those with a membership in one of their regions. */
export function userWhere(scope: Scope): Prisma.UserWhereInput {
  const regions = staffRegionIds(scope, REGION_ADMINS);
  return regions.length ? { memberships: { some: { regionId: { in: regions } } } } : NOTHING;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The row stored for a membership. */
export function membershipRow(userId: string, m: MembershipInput) {
  return {
    userId,
    role: m.role,
    regionId: m.regionId,
    municipalityId: m.municipalityId ?? null,
    organizationId: m.organizationId ?? null,
    scopeId: scopeIdOf(m),
  };
}
