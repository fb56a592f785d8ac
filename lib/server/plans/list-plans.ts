import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import type { PlanKind, Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { TPlanListQuery } from "@/lib/schemas/plan";
import { replicaDb } from "@/lib/server/db/replica";
import { ownerNames } from "@/lib/server/documents/list-documents";
import { countEventsByPlan } from "./overdue-sql";
import { planWhere } from "./plan-access";

export interface PlanRow {
  id: string;
  kind: PlanKind;
  title: string;
  owner: string;
  schoolYear: string | null;
  startsOn: string;
  endsOn: string;
  events: number;
  done: number;
  overdue: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

type ListOptions = { scope: Scope; query: TPlanListQuery; today?: string };

/** The plans the caller may see, paged, sorted and filtered in the database, with their overdue counts. */
export async function listPlans(options: ListOptions): Promise<Page<PlanRow>> {
  const { query } = options;
  return pageOf(plansSource(options, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iteratePlans(options: ListOptions & { batchSize?: number }) {
  return batchesOf(plansSource(options, options.query), options.batchSize);
}

function plansSource(options: ListOptions, query: TPlanListQuery): ListSource<PlanRow> {
  const filters: Prisma.PlanWhereInput[] = [planWhere(options.scope)];
  if (query.kind) filters.push({ kind: query.kind });
  if (query.municipalityId) filters.push({ municipalityId: query.municipalityId });
  if (query.q) filters.push({ title: { contains: query.q, mode: "insensitive" } });
  const where = { AND: filters };
  const today = options.today ?? earliestLocalToday();
  return {
    count: () => replicaDb().plan.count({ where }),
    read: async (window) => {
      const plans = await replicaDb().plan.findMany({ where, orderBy: [{ [query.sort]: query.dir }, { id: "asc" }], ...window });
      const [names, counts, regions] = await Promise.all([
        ownerNames(plans),
        countEventsByPlan(
          replicaDb(),
          plans.map((p) => p.id),
          today,
        ),
        replicaDb().region.findMany({ where: { id: { in: plans.map((p) => p.regionId) } }, select: { id: true, name: true } }),
      ]);
      const regionNames = new Map(regions.map((r) => [r.id, r.name]));
      return plans.map((p) => ({
        id: p.id,
        kind: p.kind,
        title: p.title,
        owner: names.get(p.organizationId ?? p.municipalityId ?? "") ?? regionNames.get(p.regionId) ?? "",
        schoolYear: p.schoolYear,
        startsOn: day(p.startsOn),
        endsOn: day(p.endsOn),
        events: counts.get(p.id)?.events ?? 0,
        done: counts.get(p.id)?.done ?? 0,
        overdue: counts.get(p.id)?.overdue ?? 0,
      }));
    },
  };
}
