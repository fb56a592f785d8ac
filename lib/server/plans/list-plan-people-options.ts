import "server-only";
import type { Scope } from "@/lib/scope";
import { REGION_STAFF, ROLE_LABELS } from "@/lib/roles";
import { db } from "@/lib/server/db/client";
import { loadWritablePlan } from "./load-writable-plan";

export interface PlanPersonOption {
  value: string;
  label: string;
}

const LIMIT = 500;

/**
 * Who may be named responsible for an event of a plan the caller may change:
 * users with a membership in the plan's municipality (its coordinators and its
 * schools' coordinators), or the region's staff for a region plan. A subset of
 * what savePlanEvent accepts.
 */
export async function listPlanPeopleOptions(options: { scope: Scope; planId: string }): Promise<PlanPersonOption[]> {
  const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId });
  const memberships = plan.municipalityId
    ? { regionId: plan.regionId, municipalityId: plan.municipalityId }
    : { regionId: plan.regionId, role: { in: [...REGION_STAFF] } };
  const users = await db().user.findMany({
    where: { memberships: { some: memberships } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, name: true, memberships: { where: memberships, select: { role: true, organization: { select: { name: true } } } } },
  });
  return users.map((u) => {
    const roles = [...new Set(u.memberships.map((m) => [ROLE_LABELS[m.role], m.organization?.name].filter(Boolean).join(", ")))];
    return { value: u.id, label: roles.length ? `${u.name} — ${roles.join("; ")}` : u.name };
  });
}
