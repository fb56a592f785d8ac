import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { coordinatedMunicipalityIds, coordinatedOrganizationIds, staffRegionIds, type Scope, tenantWhere } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/**
 * Who may read a finding: the region's staff; a municipal coordinator, the findings
 * of their municipality's blank and of its schools' blanks; a school coordinator,
 * their school's. The same rule as for the blanks the findings come from.
 */
export const findingWhere = (scope: Scope) => tenantWhere<Prisma.FindingWhereInput>(scope);

type Subject = { regionId: string; municipalityId: string; organizationId: string | null };

/**
 * The participant who fixes a finding: the coordinator of the blank's subject —
 * the municipality's for a municipal blank, the school's for a school blank.
 * A municipal coordinator sees their schools' findings but does not fix them.
 */
export function isFindingParticipant(scope: Scope, finding: Subject): boolean {
  return finding.organizationId
    ? coordinatedOrganizationIds(scope).includes(finding.organizationId)
    : coordinatedMunicipalityIds(scope).includes(finding.municipalityId);
}

/** Who sets the plan's deadline, verifies and reopens: the region's admins and auditors. */
export function isFindingReviewer(scope: Scope, finding: Subject): boolean {
  return staffRegionIds(scope).includes(finding.regionId);
}

/** The upload form's `owner` for evidence of this finding. */
export function evidenceOwnerReference(finding: Subject): string {
  return finding.organizationId ? `organization:${finding.organizationId}` : `municipality:${finding.municipalityId}`;
}

/** A finding the caller may read; a foreign or unknown id is "not found". */
export async function loadFindingFor(scope: Scope, id: string) {
  const finding = await db().finding.findFirst({ where: { AND: [{ id }, findingWhere(scope)] } });
  if (!finding) throw notFound("Замечание не найдено.");
  return finding;
}
