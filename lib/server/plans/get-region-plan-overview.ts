import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { replicaDb } from "@/lib/server/db/replica";
import { overdueCondition } from "./overdue-sql";

export interface MunicipalityPlanSummary {
  municipalityId: string;
  name: string;
  plans: number;
  events: number;
  done: number;
  overdue: number;
}

/**
 * Every municipality of the caller's regions with its plans, events held and
 * overdue, counted in SQL (plans of its schools included). Municipalities
 * without plans are listed too: the region sees who has not planned anything.
 */
export async function getRegionPlanOverview(options: { scope: Scope; today?: string }): Promise<MunicipalityPlanSummary[]> {
  const regions = staffRegionIds(options.scope);
  if (regions.length === 0) return [];
  const today = options.today ?? earliestLocalToday();
  return replicaDb().$queryRaw<MunicipalityPlanSummary[]>(Prisma.sql`
    SELECT m.id AS "municipalityId", m.name,
           count(DISTINCT p.id)::int AS plans,
           count(e.id)::int AS events,
           (count(e.id) FILTER (WHERE e."status" = 'DONE'))::int AS done,
           (count(e.id) FILTER (WHERE ${overdueCondition(today)}))::int AS overdue
    FROM "Municipality" m
    LEFT JOIN "Plan" p ON p."municipalityId" = m.id AND p."regionId" = m."regionId"
    LEFT JOIN "PlanEvent" e ON e."planId" = p.id
    WHERE m."regionId" = ANY(${regions}::uuid[])
    GROUP BY m.id, m.name
    ORDER BY overdue DESC, m.name ASC`);
}
