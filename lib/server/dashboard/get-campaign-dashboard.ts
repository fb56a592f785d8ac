import "server-only";
import { COUNTED_STATUSES } from "@/lib/dashboard/dashboard-roles";
import { averageScore, byScoreDescending, round1 } from "@/lib/dashboard/scores";
import { typicalErrorRows, type ItemInfo, type TypicalErrorRow } from "@/lib/dashboard/typical-error-rows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { municipalityWhere, narrowScope, type Scope } from "@/lib/scope";
import type { BlankStatus } from "@/lib/schemas/blank";
import { answerableItems, type TemplateLevel, type TTemplateContent } from "@/lib/schemas/template";
import { UNRESOLVED_STATUSES } from "@/lib/schemas/finding";
import { FINDING_STATUSES } from "@/lib/scoring/statuses";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { findingWhere } from "@/lib/server/findings/finding-access";
import { db } from "@/lib/server/db/client";
import { parseContent } from "@/lib/server/templates/get-template-version";
import { SUPERVISORS } from "@/lib/roles";

export interface DashboardProgress {
  total: number;
  notStarted: number;
  inProgress: number;
  /** Sent for review and not yet accepted or returned («на проверке»). */
  submitted: number;
  returned: number;
  accepted: number;
  /** After the deadline: municipalities with a blank not yet submitted («не предоставили»); 0 before it. */
  notSubmittedMunicipalities: number;
}

export interface DashboardMunicipalityRow {
  municipalityId: string;
  name: string;
  /** The municipality's own blank (the first, if the campaign has several municipal templates). */
  municipalBlankId: string | null;
  municipalStatus: BlankStatus | null;
  /** The municipal blank's score once submitted or accepted (the mean, if there are several). */
  score: number | null;
  grade: string | null;
  schools: number;
  /** School blanks submitted or accepted: those the average counts. */
  schoolsCounted: number;
  schoolAverage: number | null;
  /** Findings still to remediate (open or reopened). */
  openFindings: number;
}

export interface LevelTypicalErrors {
  level: TemplateLevel;
  /** Whether the campaign has a template of this level at all. */
  present: boolean;
  /** Submitted or accepted blanks of this level: the base of the shares. */
  counted: number;
  /** Blanks of this level not (yet) submitted: listed apart, never in the shares. */
  notCounted: number;
  errors: TypicalErrorRow[];
}

const COUNTED = COUNTED_STATUSES as readonly BlankStatus[];
const LEVELS: TemplateLevel[] = ["MUNICIPAL", "SCHOOL"];

/**
 * A campaign's results as the regional report shows them (seed 000): progress,
 * each municipality's scores and open findings, the typical errors of municipal
 * and school coordinators, and «МО, не предоставившие информацию». The region's
 * staff see the whole campaign; a municipal coordinator their municipality and its
 * schools; anyone else gets "not found". Everything is counted in the database.
 */
export async function getCampaignDashboard(options: { scope: Scope; campaignId: string; today?: string }) {
  const scope = narrowScope(options.scope, SUPERVISORS);
  // Access, the campaign's header, and «не предоставили» after the deadline, as the campaign page has them.
  const campaign = await getCampaign({ scope, id: options.campaignId, today: options.today });
  const visible: Prisma.BlankWhereInput = { AND: [{ campaignId: campaign.id, regionId: campaign.regionId }, blankWhere(scope)] };
  const counted: Prisma.BlankWhereInput = { AND: [visible, { status: { in: [...COUNTED] } }] };

  const versions = campaign.templates
    .map(({ templateVersion: v }) => ({
      id: v.id,
      version: v.version,
      templateId: v.templateId,
      name: v.template.name,
      level: v.template.level,
      content: parseContent(v.content),
    }))
    .sort((a, b) => b.version - a.version);
  const levelOf = new Map(versions.map((v) => [v.id, v.level]));

  const [byStatus, municipalBlanks, schoolScores, openFindings] = await Promise.all([
    db().blank.groupBy({
      by: ["municipalityId", "templateVersionId", "status"],
      where: visible,
      _count: { _all: true },
    }),
    // One per municipality and municipal template: a small set.
    db().blank.findMany({
      where: { AND: [visible, { organizationId: null }] },
      orderBy: [{ municipalityId: "asc" }, { templateVersionId: "asc" }],
      select: { id: true, municipalityId: true, status: true, score: true, grade: true },
    }),
    db().blank.groupBy({
      by: ["municipalityId"],
      where: { AND: [counted, { organizationId: { not: null } }] },
      _avg: { score: true },
    }),
    db().finding.groupBy({
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
  const count = (where: (row: (typeof byStatus)[number]) => boolean) =>
    byStatus.filter(where).reduce((sum, row) => sum + row._count._all, 0);
  const progress: DashboardProgress = {
    total: count(() => true),
    notStarted: count((r) => r.status === "NOT_STARTED"),
    inProgress: count((r) => r.status === "IN_PROGRESS"),
    submitted: count((r) => r.status === "SUBMITTED"),
    returned: count((r) => r.status === "RETURNED"),
    accepted: count((r) => r.status === "ACCEPTED"),
    notSubmittedMunicipalities: campaign.notSubmitted.length,
  };

  const municipalityIds = [...new Set(byStatus.map((r) => r.municipalityId))];
  const names = await db().municipality.findMany({
    where: { AND: [{ id: { in: municipalityIds } }, municipalityWhere(scope)] },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((m) => [m.id, m.name]));
  const isSchool = (versionId: string) => levelOf.get(versionId) === "SCHOOL";
  const municipalities: DashboardMunicipalityRow[] = municipalityIds
    .filter((id) => nameOf.has(id))
    .map((id) => {
      const own = municipalBlanks.filter((b) => b.municipalityId === id);
      const scored = own.filter((b) => COUNTED.includes(b.status));
      return {
        municipalityId: id,
        name: nameOf.get(id)!,
        municipalBlankId: own[0]?.id ?? null,
        municipalStatus: own[0]?.status ?? null,
        score: averageScore(scored.map((b) => b.score)),
        grade: scored.length === 1 ? scored[0]!.grade : null,
        schools: count((r) => r.municipalityId === id && isSchool(r.templateVersionId)),
        schoolsCounted: count((r) => r.municipalityId === id && isSchool(r.templateVersionId) && COUNTED.includes(r.status)),
        schoolAverage: nullableRound(schoolScores.find((s) => s.municipalityId === id)?._avg.score),
        openFindings: openFindings.find((f) => f.municipalityId === id)?._count._all ?? 0,
      };
    })
    .sort(byScoreDescending((row) => row.score));

  const typicalErrors = await Promise.all(
    LEVELS.map(async (level): Promise<LevelTypicalErrors> => {
      const ofLevel = versions.filter((v) => v.level === level);
      const ids = ofLevel.map((v) => v.id);
      const countedOf = (versionId: string) => count((r) => r.templateVersionId === versionId && COUNTED.includes(r.status));
      const total = count((r) => ids.includes(r.templateVersionId));
      const countedTotal = ids.reduce((sum, id) => sum + countedOf(id), 0);
      const counts =
        countedTotal === 0
          ? []
          : await db().answer.groupBy({
              by: ["itemKey"],
              where: {
                status: { in: [...FINDING_STATUSES] },
                blank: { AND: [counted, { templateVersionId: { in: ids } }] },
              },
              _count: { _all: true },
            });
      const items = new Map<string, ItemInfo>();
      const denominators = new Map<string, number>();
      for (const version of ofLevel) {
        for (const info of itemsOf(version.content)) {
          if (!items.has(info.key)) items.set(info.key, info);
          denominators.set(info.key, (denominators.get(info.key) ?? 0) + countedOf(version.id));
        }
      }
      return {
        level,
        present: ofLevel.length > 0,
        counted: countedTotal,
        notCounted: total - countedTotal,
        errors: typicalErrorRows({
          counts: counts.map((c) => ({ itemKey: c.itemKey, count: c._count._all })),
          items,
          denominators,
        }),
      };
    }),
  );

  const bandsFrom = versions.find((v) => v.level === "MUNICIPAL") ?? versions[0];
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      goal: campaign.goal,
      date: campaign.date,
      deadline: campaign.deadline,
      overdue: campaign.overdue,
    },
    templates: [...new Map(versions.map((v) => [v.templateId, { templateId: v.templateId, name: v.name, level: v.level }])).values()],
    gradeBands: bandsFrom?.content.gradeBands ?? { compliant: 90, partial: 70 },
    progress,
    municipalities,
    typicalErrors: { MUNICIPAL: typicalErrors[0]!, SCHOOL: typicalErrors[1]! },
    notSubmitted: campaign.notSubmitted,
  };
}

export type CampaignDashboard = Awaited<ReturnType<typeof getCampaignDashboard>>;

function itemsOf(content: TTemplateContent): ItemInfo[] {
  return answerableItems(content).map((item, order) => ({ key: item.key, number: item.number, title: item.title, order }));
}

function nullableRound(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : round1(value);
}
