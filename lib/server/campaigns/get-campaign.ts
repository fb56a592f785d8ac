import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { latestLocalToday } from "@/lib/dates";
import { BLANK_STATUSES, type BlankStatus } from "@/lib/schemas/blank";
import type { Prisma } from "@/lib/generated/prisma/client";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db, type Db } from "@/lib/server/db/client";
import { campaignWhere } from "./campaign-access";

const SUBMITTED: BlankStatus[] = ["SUBMITTED", "ACCEPTED"];

/**
 * A campaign with the number of its blanks the caller sees, by status. After the
 * deadline, the municipalities with a blank not yet submitted are «МО, не
 * предоставившие информацию» (seed 000). Everything is counted in the database:
 * a campaign of a region has over a thousand blanks (the participants themselves
 * are paged by listCampaignParticipants).
 */
export async function getCampaign(options: { scope: Scope; id: string; today?: string; client?: Db }) {
  const client = options.client ?? db();
  const campaign = await client.campaign.findFirst({
    where: { AND: [{ id: options.id }, campaignWhere(options.scope)] },
    include: {
      // Not the versions' content: a page needs it rarely, and then from get-published-content.ts.
      templates: {
        include: {
          templateVersion: { omit: { content: true }, include: { template: { select: { name: true, level: true, key: true } } } },
        },
      },
      previousCampaign: { select: { id: true, name: true } },
    },
  });
  if (!campaign) throw notFound("Кампания не найдена.");
  const visible: Prisma.BlankWhereInput = { AND: [{ campaignId: campaign.id }, blankWhere(options.scope)] };
  const deadline = campaign.deadline.toISOString().slice(0, 10);
  const overdue = (options.today ?? latestLocalToday()) > deadline;
  const [byStatus, late] = await Promise.all([
    client.blank.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    overdue
      ? client.municipality.findMany({
          where: { blanks: { some: { AND: [visible, { status: { notIn: SUBMITTED } }] } } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { name: true },
        })
      : [],
  ]);
  const statusCounts = Object.fromEntries(BLANK_STATUSES.map((s) => [s, 0])) as Record<BlankStatus, number>;
  for (const row of byStatus) statusCounts[row.status] = row._count._all;
  const blanks = byStatus.reduce((sum, row) => sum + row._count._all, 0);
  const notSubmitted = [...new Set(late.map((m) => m.name))];
  return { ...campaign, deadline, date: campaign.date.toISOString().slice(0, 10), blanks, statusCounts, overdue, notSubmitted };
}
