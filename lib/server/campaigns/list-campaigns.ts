import "server-only";
import type { Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import { ZCampaignListQuery } from "@/lib/schemas/campaign";
import { db } from "@/lib/server/db/client";
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

export async function listCampaigns(options: { scope: Scope; query: unknown }): Promise<Page<CampaignRow>> {
  const query = ZCampaignListQuery.parse(options.query);
  const where = {
    AND: [campaignWhere(options.scope), query.q ? { name: { contains: query.q, mode: "insensitive" as const } } : {}],
  };
  const [total, campaigns] = await Promise.all([
    db().campaign.count({ where }),
    db().campaign.findMany({
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, name: true, date: true, deadline: true },
    }),
  ]);
  const counts = await db().blank.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  });
  const countOf = (id: string, statuses: string[]) =>
    counts.filter((c) => c.campaignId === id && statuses.includes(c.status)).reduce((sum, c) => sum + c._count._all, 0);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      date: c.date.toISOString().slice(0, 10),
      deadline: c.deadline.toISOString().slice(0, 10),
      blanks: countOf(c.id, ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "ACCEPTED"]),
      submitted: countOf(c.id, ["SUBMITTED", "ACCEPTED"]),
      accepted: countOf(c.id, ["ACCEPTED"]),
    })),
  };
}
