import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { describeRequisites } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { citableDocumentWhere } from "@/lib/server/documents/document-access";
import { loadWritablePlan } from "./load-writable-plan";

export interface PlanDocumentOption {
  value: string;
  label: string;
}

const LIMIT = 500;

/**
 * Registry documents an event of a plan the caller may change can be confirmed
 * by: those the caller may read, of the plan's municipality (and its schools)
 * and the region's own; for a region plan, the region's. Newest first.
 */
export async function listPlanDocumentOptions(options: { scope: Scope; planId: string }): Promise<PlanDocumentOption[]> {
  const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId });
  const owner: Prisma.RegistryDocumentWhereInput = plan.municipalityId
    ? { OR: [{ municipalityId: plan.municipalityId }, { municipalityId: null }] }
    : {};
  const documents = await db().registryDocument.findMany({
    where: { AND: [citableDocumentWhere(options.scope), { regionId: plan.regionId }, owner] },
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, type: true, issuer: true, date: true, number: true, title: true, status: true },
  });
  return documents.map((d) => ({ value: d.id, label: `${describeRequisites(d)}${d.status === "IN_FORCE" ? "" : " (заменён)"}` }));
}
