import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { coordinatedOrganizationIds, staffRegionIds, type Scope } from "@/lib/scope";

/**
 * Who sees the personal records of ДОТ students and teachers. A school coordinator
 * reads and writes their school's; the region's auditor reads the region's. Nobody
 * else reads them at all (region admins and municipal coordinators get counts only),
 * and a write outside the write filter is "not found", the auditor's included.
 */
export function studentReadWhere(scope: Scope): Prisma.DotStudentWhereInput {
  const OR: Prisma.DotStudentWhereInput[] = [];
  const regions = staffRegionIds(scope, ["REGION_AUDITOR"]);
  const schools = coordinatedOrganizationIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  return OR.length ? { OR } : { id: { in: [] } };
}

export function studentWriteWhere(scope: Scope): Prisma.DotStudentWhereInput {
  const schools = coordinatedOrganizationIds(scope);
  return schools.length ? { organizationId: { in: schools } } : { id: { in: [] } };
}

export function teacherReadWhere(scope: Scope): Prisma.DotTeacherWhereInput {
  const OR: Prisma.DotTeacherWhereInput[] = [];
  const regions = staffRegionIds(scope, ["REGION_AUDITOR"]);
  const schools = coordinatedOrganizationIds(scope);
  if (regions.length) OR.push({ regionId: { in: regions } });
  if (schools.length) OR.push({ organizationId: { in: schools } });
  return OR.length ? { OR } : { id: { in: [] } };
}

export function teacherWriteWhere(scope: Scope): Prisma.DotTeacherWhereInput {
  const schools = coordinatedOrganizationIds(scope);
  return schools.length ? { organizationId: { in: schools } } : { id: { in: [] } };
}
