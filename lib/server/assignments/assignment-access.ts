import "server-only";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { coordinatedMunicipalityIds, municipalityWhere, staffRegionIds, type Scope } from "@/lib/scope";
import { tenantSql } from "@/lib/server/db/any-of-sql";
import { db } from "@/lib/server/db/client";
import { type CoordinatorRole, REGION_ADMINS } from "@/lib/roles";

/** The municipality or school an assignment is about, as the directory has it. */
export interface AssignmentSubject {
  kind: "MUNICIPALITY" | "SCHOOL";
  id: string;
  name: string;
  regionId: string;
  municipalityId: string;
  municipalityName: string;
  /** The school's id; null for a municipality. */
  organizationId: string | null;
  /** The role of the coordinator of such a subject. */
  role: CoordinatorRole;
}

const SUBJECT_NOT_FOUND = {
  MUNICIPAL_COORDINATOR: "Муниципальное образование не найдено.",
  SCHOOL_COORDINATOR: "Школа не найдена.",
} as const;

/**
 * The subject a caller may appoint a coordinator for: region staff any
 * municipality or school of their region; a municipal coordinator the schools
 * of their municipality. A subject the caller cannot see answers "not found";
 * one they see but may not appoint for (their own municipality) "forbidden".
 */
export async function resolveSubjectForWrite(options: {
  scope: Scope;
  role: CoordinatorRole;
  subjectId: string;
}): Promise<AssignmentSubject> {
  const { scope, role, subjectId } = options;
  const regions = staffRegionIds(scope);
  const missing = new AppError("NOT_FOUND", SUBJECT_NOT_FOUND[role], { subjectId: ["Выберите значение из списка."] });
  if (role === "MUNICIPAL_COORDINATOR") {
    const municipality = await db().municipality.findFirst({
      where: { AND: [{ id: subjectId }, municipalityWhere(scope)] },
      select: { id: true, name: true, regionId: true },
    });
    if (!municipality) throw missing;
    if (!regions.includes(municipality.regionId)) {
      throw new AppError("FORBIDDEN", "Муниципального координатора назначают сотрудники региона.");
    }
    return {
      kind: "MUNICIPALITY",
      id: municipality.id,
      name: municipality.name,
      regionId: municipality.regionId,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      organizationId: null,
      role,
    };
  }
  const municipalities = coordinatedMunicipalityIds(scope);
  const school = await db().organization.findFirst({
    where: {
      id: subjectId,
      kind: "SCHOOL",
      municipalityId: { not: null },
      OR: [{ regionId: { in: regions } }, { municipalityId: { in: municipalities } }],
    },
    select: { id: true, name: true, regionId: true, municipalityId: true, municipality: { select: { name: true } } },
  });
  if (!school?.municipalityId || !school.municipality) throw missing;
  return {
    kind: "SCHOOL",
    id: school.id,
    name: school.name,
    regionId: school.regionId,
    municipalityId: school.municipalityId,
    municipalityName: school.municipality.name,
    organizationId: school.id,
    role,
  };
}

/** Whether the caller may appoint for a subject they can see (the history page's "appoint" link). */
export function canAppointFor(scope: Scope, subject: Pick<AssignmentSubject, "kind" | "regionId" | "municipalityId">): boolean {
  if (staffRegionIds(scope).includes(subject.regionId)) return true;
  return subject.kind === "SCHOOL" && coordinatedMunicipalityIds(scope).includes(subject.municipalityId);
}

/** Whether the caller may create a user for a subject of this region. */
export function canInviteIn(scope: Scope, regionId: string): boolean {
  return staffRegionIds(scope, REGION_ADMINS).includes(regionId);
}

const uuidList = (ids: string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/**
 * The assignments (alias `a`) a scope may read, as SQL: region staff their
 * region's, a municipal coordinator their municipality's, a school coordinator
 * their school's.
 */
export const assignmentScopeSql = (scope: Scope): Prisma.Sql => tenantSql(scope, "a");

/** Current on `today` ("YYYY-MM-DD"), as SQL over the alias `a`. */
export function currentSql(today: string): Prisma.Sql {
  return Prisma.sql`(a."validFrom" <= ${today}::date AND (a."validTo" IS NULL OR a."validTo" >= ${today}::date))`;
}

export { uuidList };
