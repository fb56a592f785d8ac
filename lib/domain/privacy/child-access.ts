/**
 * The one rule for children's personal data (152-FZ): who may read and change the
 * records of disabled children taught at home with ДОТ, their teachers' records, their
 * files (the ИУП) and the registry documents marked as naming a child. Pure: every read
 * path asks it through lib/server/privacy, and README «Children's data» states it.
 *
 * The holder is where the data is kept: a school (a child's record always), or a
 * municipality (a document of its registry):
 * - the holder's own coordinator reads and writes;
 * - the region's auditors read, and each read is logged;
 * - the region's admins and the municipality's coordinator (of a school's data) see counts only;
 * - anyone else cannot tell the data exists (404).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  anyOf,
  coordinatedMunicipalityIds,
  coordinatedOrganizationIds,
  type NOTHING,
  type Scope,
  staffRegionIds,
  where,
} from "@/lib/scope";
import { REGION_ADMINS, REGION_AUDITORS } from "@/lib/roles";

export type ChildAccess = "WRITE" | "READ_LOGGED" | "COUNTS" | "NONE";

export interface ChildDataHolder {
  regionId: string;
  municipalityId: string | null;
  /** The school; null for data a municipality holds. */
  organizationId: string | null;
}

export function childAccess(scope: Scope, holder: ChildDataHolder): ChildAccess {
  const ownHolder = holder.organizationId
    ? coordinatedOrganizationIds(scope).includes(holder.organizationId)
    : holder.municipalityId !== null && coordinatedMunicipalityIds(scope).includes(holder.municipalityId);
  if (ownHolder) return "WRITE";
  if (staffRegionIds(scope, REGION_AUDITORS).includes(holder.regionId)) return "READ_LOGGED";
  if (staffRegionIds(scope, REGION_ADMINS).includes(holder.regionId)) return "COUNTS";
  if (holder.municipalityId !== null && coordinatedMunicipalityIds(scope).includes(holder.municipalityId)) return "COUNTS";
  return "NONE";
}

/** Whether the access lets the caller see names and other personal fields. */
export const readsChildData = (access: ChildAccess): boolean => access === "WRITE" || access === "READ_LOGGED";

type RecordWhere = { organizationId: { in: string[] } } | { regionId: { in: string[] } };

/** The ДОТ records (students, teachers) the caller may read: their school's, or the auditor's region. */
export function recordReadWhere(scope: Scope): RecordWhere | typeof NOTHING {
  return anyOf<RecordWhere>([
    ...where(coordinatedOrganizationIds(scope), (ids) => ({ organizationId: { in: ids } })),
    ...where(staffRegionIds(scope, REGION_AUDITORS), (ids) => ({ regionId: { in: ids } })),
  ]);
}

/** The ДОТ records the caller may change: their own school's only (the auditor reads). */
export function recordWriteWhere(scope: Scope): RecordWhere | typeof NOTHING {
  return anyOf<RecordWhere>(where(coordinatedOrganizationIds(scope), (ids) => ({ organizationId: { in: ids } })));
}

export const studentReadWhere = (scope: Scope): Prisma.DotStudentWhereInput => recordReadWhere(scope);
export const studentWriteWhere = (scope: Scope): Prisma.DotStudentWhereInput => recordWriteWhere(scope);
export const teacherReadWhere = (scope: Scope): Prisma.DotTeacherWhereInput => recordReadWhere(scope);
export const teacherWriteWhere = (scope: Scope): Prisma.DotTeacherWhereInput => recordWriteWhere(scope);

/**
 * Registry documents marked as naming a child that the caller may read: a school's
 * by its coordinator, a municipality's own by its coordinator, any of the region's by its auditors.
 */
export function childDocumentReadWhere(scope: Scope): Prisma.RegistryDocumentWhereInput {
  return anyOf<Prisma.RegistryDocumentWhereInput>([
    ...where(coordinatedOrganizationIds(scope), (ids) => ({ organizationId: { in: ids } })),
    ...where(coordinatedMunicipalityIds(scope), (ids) => ({ organizationId: null, municipalityId: { in: ids } })),
    ...where(staffRegionIds(scope, REGION_AUDITORS), (ids) => ({ regionId: { in: ids } })),
  ]);
}
