import "server-only";
import { notFound } from "@/lib/errors";
import { coordinatedOrganizationIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

export interface StudentSchool {
  id: string;
  regionId: string;
  municipalityId: string;
}

/** A school the caller keeps ДОТ records for (their own school as its coordinator); anything else is not found. */
export async function resolveStudentSchool(options: { scope: Scope; organizationId: string }): Promise<StudentSchool> {
  if (!coordinatedOrganizationIds(options.scope).includes(options.organizationId)) throw notFound("Запись не найдена.");
  const school = await db().organization.findFirst({
    where: { id: options.organizationId, kind: "SCHOOL", municipalityId: { not: null } },
    select: { id: true, regionId: true, municipalityId: true },
  });
  if (!school?.municipalityId) throw notFound("Запись не найдена.");
  return { id: school.id, regionId: school.regionId, municipalityId: school.municipalityId };
}
