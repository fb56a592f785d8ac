import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { anyOf, coordinatedMunicipalityIds, coordinatedOrganizationIds, type Scope, tenantWhere, where } from "@/lib/scope";

/**
 * Who may read a blank: the region's staff; a municipal coordinator, their
 * municipality's blank and its schools' blanks; a school coordinator, their school's.
 */
export const blankWhere = (scope: Scope) => tenantWhere<Prisma.BlankWhereInput>(scope);

/** Who fills a blank: the participant's own coordinator, and nobody else. */
export function participantWhere(scope: Scope): Prisma.BlankWhereInput {
  return anyOf<Prisma.BlankWhereInput>([
    ...where(coordinatedMunicipalityIds(scope), (ids) => ({ organizationId: null, municipalityId: { in: ids } })),
    ...where(coordinatedOrganizationIds(scope), (ids) => ({ organizationId: { in: ids } })),
  ]);
}

/** Who reviews a blank: the region's auditors and admins. */
export const reviewerWhere = (scope: Scope) => tenantWhere<Prisma.BlankWhereInput>(scope, { region: "regionId" });

/**
 * Who may load a filled Word blank into it: its participant, and the region's auditors and admins
 * on the participant's behalf (a municipality that answers by e-mail), recorded as such.
 */
export const importerWhere = (scope: Scope) => anyOf<Prisma.BlankWhereInput>([participantWhere(scope), reviewerWhere(scope)]);

export const FILLABLE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "RETURNED"] as const;
