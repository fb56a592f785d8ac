import "server-only";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { TCampaignListQuery } from "@/lib/schemas/campaign";
import { replicaDb } from "@/lib/server/db/replica";
import { campaignWhere } from "./campaign-access";

export interface CampaignRow {
  id: string;
  name: string;
  date: string;
  deadline: string;
  blanks: number;
  submitted: number;
  accepted: number;
}

type ListOptions = { scope: Scope; query: TCampaignListQuery };

export async function listCampaigns(options: ListOptions): Promise<Page<CampaignRow>> {
  const { query } = options;
  return pageOf(campaignsSource(options.scope, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iterateCampaigns(options: ListOptions & { batchSize?: number }) {
  return batchesOf(campaignsSource(options.scope, options.query), options.batchSize);
}

function campaignsSource(scope: Scope, query: TCampaignListQuery): ListSource<CampaignRow> {
  const where = {
    AND: [campaignWhere(scope), query.q ? { name: { contains: query.q, mode: "insensitive" as const } } : {}],
  };
  return {
    count: () => replicaDb().campaign.count({ where }),
    read: async (window) => {
      const campaigns = await replicaDb().campaign.findMany({
        where,
        orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
        ...window,
        select: { id: true, name: true, date: true, deadline: true },
      });
      const counts = await replicaDb().blank.groupBy({
        by: ["campaignId", "status"],
        where: { campaignId: { in: campaigns.map((c) => c.id) } },
        _count: { _all: true },
      });
      const countOf = (id: string, statuses: string[]) =>
        counts.filter((c) => c.campaignId === id && statuses.includes(c.status)).reduce((sum, c) => sum + c._count._all, 0);
      return campaigns.map((c) => ({
        id: c.id,
        name: c.name,
        date: c.date.toISOString().slice(0, 10),
        deadline: c.deadline.toISOString().slice(0, 10),
        blanks: countOf(c.id, ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "ACCEPTED"]),
        submitted: countOf(c.id, ["SUBMITTED", "ACCEPTED"]),
        accepted: countOf(c.id, ["ACCEPTED"]),
      }));
    },
  };
}
