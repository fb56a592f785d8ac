import "server-only";
import { SUPERVISORS } from "@/lib/roles";
import type { CampaignDashboardRows } from "@/lib/domain/dashboard/campaign-dashboard";
import { COUNTED_STATUSES } from "@/lib/domain/dashboard/counted-statuses";
import type { Prisma } from "@/lib/generated/prisma/client";
import { municipalityWhere, narrowScope, type Scope } from "@/lib/scope";
import { BLANK_STATUSES, type BlankStatus } from "@/lib/schemas/blank";
import type { TemplateLevel } from "@/lib/schemas/template";
import { UNRESOLVED_STATUSES } from "@/lib/schemas/finding";
import { FINDING_STATUSES } from "@/lib/domain/scoring/statuses";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { findingWhere } from "@/lib/server/findings/finding-access";
import type { Db } from "@/lib/server/db/client";
import { replicaDb } from "@/lib/server/db/replica";
import { getPublishedContent } from "@/lib/server/templates/get-published-content";
import { cachedAggregates } from "./internal/dashboard-cache";

const COUNTED = COUNTED_STATUSES as readonly BlankStatus[];

type Campaign = Awaited<ReturnType<typeof getCampaign>>;
type Aggregates = Pick<CampaignDashboardRows, "versions" | "blankCounts" | "municipalBlanks" | "schoolAverages" | "itemFindings">;

/**
 * Everything the campaign dashboard shows, counted in the database over what the
 * caller sees: the region's staff the whole campaign, a municipal coordinator
 * their municipality and its schools; anyone else gets "not found".
 *
 * The blanks' aggregates are cached per worker (internal/dashboard-cache.ts), stamped
 * with the campaign's statsVersion, the blanks' counts by status that getCampaign reads
 * anyway, and the template versions. The version covers submissions, marks, acceptances,
 * returns and reopenings; the counts by status cover the one change made without it, a
 * blank's first autosave (NOT_STARTED → IN_PROGRESS), which moves a blank from one count
 * to another. The access check, the campaign's header, its «не предоставили», the open
 * findings (remediated elsewhere) and the municipalities' names are read on every request.
 *
 * All of it is read from the replica when one is healthy (lib/server/db/replica.ts), the stamp
 * included: a stamp read from the primary over aggregates counted on a lagging replica would keep
 * the old counts under the new stamp until the next change.
 */
export async function queryCampaignDashboard(options: {
  scope: Scope;
  campaignId: string;
  today?: string;
}): Promise<CampaignDashboardRows> {
  const scope = narrowScope(options.scope, SUPERVISORS);
  // Access, the campaign's header, and «не предоставили» after the deadline, as the campaign page has them.
  const client = replicaDb();
  const campaign = await getCampaign({ scope, id: options.campaignId, today: options.today, client });
  const visibility = blankWhere(scope);
  const stamp = [
    campaign.statsVersion,
    BLANK_STATUSES.map((s) => campaign.statusCounts[s]).join(","),
    campaign.templates.map((t) => t.templateVersionId).join(","),
  ].join("|");
  const aggregates = await cachedAggregates(`${campaign.id}|${JSON.stringify(visibility)}`, stamp, () =>
    countAggregates(client, campaign, visibility),
  );

  const [names, openFindings] = await Promise.all([
    client.municipality.findMany({
      where: { AND: [{ id: { in: [...new Set(aggregates.blankCounts.map((r) => r.municipalityId))] } }, municipalityWhere(scope)] },
      select: { id: true, name: true },
    }),
    client.finding.groupBy({
      by: ["municipalityId"],
      where: {
        regionId: campaign.regionId,
        campaignId: campaign.id,
        remediationStatus: { in: [...UNRESOLVED_STATUSES] },
        AND: [findingWhere(scope)],
      },
      _count: { _all: true },
    }),
  ]);

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      goal: campaign.goal,
      date: campaign.date,
      deadline: campaign.deadline,
      overdue: campaign.overdue,
      notSubmitted: campaign.notSubmitted,
    },
    ...aggregates,
    openFindings: openFindings.map((f) => ({ municipalityId: f.municipalityId, count: f._count._all })),
    municipalityNames: names,
  };
}

/** The counts over the campaign's blanks the caller sees: what only the writes of statsVersion change. */
async function countAggregates(client: Db, campaign: Campaign, visibility: Prisma.BlankWhereInput): Promise<Aggregates> {
  const visible: Prisma.BlankWhereInput = { AND: [{ campaignId: campaign.id, regionId: campaign.regionId }, visibility] };
  const counted: Prisma.BlankWhereInput = { AND: [visible, { status: { in: [...COUNTED] } }] };
  const versions = await Promise.all(
    campaign.templates.map(async ({ templateVersion: v }) => ({
      id: v.id,
      version: v.version,
      templateId: v.templateId,
      name: v.template.name,
      level: v.template.level,
      content: await getPublishedContent(v.id, client),
    })),
  );

  const [byStatus, municipalBlanks, schoolScores] = await Promise.all([
    client.blank.groupBy({
      by: ["municipalityId", "templateVersionId", "status"],
      where: visible,
      _count: { _all: true },
    }),
    // One per municipality and municipal template: a small set.
    client.blank.findMany({
      where: { AND: [visible, { organizationId: null }] },
      orderBy: [{ municipalityId: "asc" }, { templateVersionId: "asc" }],
      select: { id: true, municipalityId: true, status: true, score: true, grade: true },
    }),
    client.blank.groupBy({
      by: ["municipalityId"],
      where: { AND: [counted, { organizationId: { not: null } }] },
      _avg: { score: true },
    }),
  ]);

  // Item statuses exist only on counted blanks: a level with none needs no query.
  const countedVersions = new Set(byStatus.filter((r) => COUNTED.includes(r.status)).map((r) => r.templateVersionId));
  const itemFindings = async (level: TemplateLevel) => {
    const ids = versions.filter((v) => v.level === level && countedVersions.has(v.id)).map((v) => v.id);
    if (ids.length === 0) return [];
    const counts = await client.answer.groupBy({
      by: ["itemKey"],
      where: { status: { in: [...FINDING_STATUSES] }, blank: { AND: [counted, { templateVersionId: { in: ids } }] } },
      _count: { _all: true },
    });
    return counts.map((c) => ({ itemKey: c.itemKey, count: c._count._all }));
  };
  const [municipal, school] = await Promise.all([itemFindings("MUNICIPAL"), itemFindings("SCHOOL")]);

  return {
    versions,
    blankCounts: byStatus.map((r) => ({
      municipalityId: r.municipalityId,
      templateVersionId: r.templateVersionId,
      status: r.status,
      count: r._count._all,
    })),
    municipalBlanks,
    schoolAverages: schoolScores.map((s) => ({ municipalityId: s.municipalityId, average: s._avg.score })),
    itemFindings: { MUNICIPAL: municipal, SCHOOL: school },
  };
}
