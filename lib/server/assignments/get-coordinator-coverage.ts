import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { assignmentToday } from "@/lib/schemas/assignment";
import { db } from "@/lib/server/db/client";
import { currentSql, uuidList } from "./assignment-access";

export interface CoordinatorCoverage {
  today: string;
  municipalities: { total: number; missing: number; list: { id: string; name: string }[] };
  schools: {
    total: number;
    missing: number;
    /** The first `limit` schools without a coordinator, by municipality and name. */
    list: { id: string; name: string; municipalityId: string; municipalityName: string }[];
  };
}

/**
 * For region staff: the municipalities without a current municipal coordinator
 * and the schools without a current school coordinator, with counts, all in SQL
 * (a region may have well over a thousand schools).
 */
export async function getCoordinatorCoverage(options: {
  scope: Scope;
  today?: string | Date;
  /** How many schools to list (the counts are always exact). */
  limit?: number;
}): Promise<CoordinatorCoverage> {
  const today = typeof options.today === "string" ? options.today.slice(0, 10) : assignmentToday(options.today ?? new Date());
  const regions = staffRegionIds(options.scope);
  const limit = options.limit ?? 500;
  if (regions.length === 0) {
    return { today, municipalities: { total: 0, missing: 0, list: [] }, schools: { total: 0, missing: 0, list: [] } };
  }
  const inRegions = uuidList(regions);
  const municipalityCovered = Prisma.sql`EXISTS (
    SELECT 1 FROM "CoordinatorAssignment" a
    WHERE a."municipalityId" = m."id" AND a."organizationId" IS NULL
      AND a."role" = 'MUNICIPAL_COORDINATOR' AND ${currentSql(today)})`;
  const schoolCovered = Prisma.sql`EXISTS (
    SELECT 1 FROM "CoordinatorAssignment" a
    WHERE a."organizationId" = o."id" AND a."role" = 'SCHOOL_COORDINATOR' AND ${currentSql(today)})`;
  const schoolsOfRegion = Prisma.sql`
    FROM "Organization" o JOIN "Municipality" m ON m."id" = o."municipalityId"
    WHERE o."regionId" IN (${inRegions}) AND o."kind" = 'SCHOOL'`;

  const [municipalityCounts, municipalities, schoolCounts, schools] = await Promise.all([
    db().$queryRaw<{ total: number; missing: number }[]>`
      SELECT count(*)::int AS "total", (count(*) FILTER (WHERE NOT ${municipalityCovered}))::int AS "missing"
      FROM "Municipality" m WHERE m."regionId" IN (${inRegions})`,
    db().$queryRaw<{ id: string; name: string }[]>`
      SELECT m."id", m."name" FROM "Municipality" m
      WHERE m."regionId" IN (${inRegions}) AND NOT ${municipalityCovered}
      ORDER BY m."name", m."id"`,
    db().$queryRaw<{ total: number; missing: number }[]>`
      SELECT count(*)::int AS "total", (count(*) FILTER (WHERE NOT ${schoolCovered}))::int AS "missing"
      ${schoolsOfRegion}`,
    db().$queryRaw<{ id: string; name: string; municipalityId: string; municipalityName: string }[]>`
      SELECT o."id", o."name", m."id" AS "municipalityId", m."name" AS "municipalityName"
      ${schoolsOfRegion} AND NOT ${schoolCovered}
      ORDER BY m."name", o."name", o."id"
      LIMIT ${limit}`,
  ]);
  return {
    today,
    municipalities: {
      total: municipalityCounts[0]?.total ?? 0,
      missing: municipalityCounts[0]?.missing ?? 0,
      list: municipalities,
    },
    schools: { total: schoolCounts[0]?.total ?? 0, missing: schoolCounts[0]?.missing ?? 0, list: schools },
  };
}
