import type { BlankStatus } from "@/lib/schemas/blank";
import { answerableItems, type TemplateLevel, type TTemplateContent } from "@/lib/schemas/template";
import { COUNTED_STATUSES } from "./counted-statuses";
import { averageScore, byScoreDescending, round1 } from "./scores";
import { typicalErrorRows, type ItemInfo, type TypicalErrorRow } from "./typical-error-rows";

/** A template version of the campaign, its content parsed. */
export interface DashboardVersion {
  id: string;
  version: number;
  templateId: string;
  name: string;
  level: TemplateLevel;
  content: TTemplateContent;
}

/** What the database counts for a campaign's dashboard (lib/server/dashboard/query-campaign-dashboard.ts). */
export interface CampaignDashboardRows {
  campaign: { id: string; name: string; goal: string; date: string; deadline: string; overdue: boolean; notSubmitted: string[] };
  versions: DashboardVersion[];
  /** The blanks the caller sees, counted by municipality, template version and status. */
  blankCounts: { municipalityId: string; templateVersionId: string; status: BlankStatus; count: number }[];
  /** The municipalities' own blanks, by municipality, then template version. */
  municipalBlanks: { id: string; municipalityId: string; status: BlankStatus; score: number | null; grade: string | null }[];
  /** Each municipality's mean score over its counted school blanks. */
  schoolAverages: { municipalityId: string; average: number | null }[];
  /** Findings still to remediate, by municipality. */
  openFindings: { municipalityId: string; count: number }[];
  /** The municipalities among `blankCounts` the caller sees, with their names. */
  municipalityNames: { id: string; name: string }[];
  /** Non-compliant answers of counted blanks, by level and item. */
  itemFindings: Record<TemplateLevel, { itemKey: string; count: number }[]>;
}

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

export interface CampaignDashboard {
  campaign: Omit<CampaignDashboardRows["campaign"], "notSubmitted">;
  templates: { templateId: string; name: string; level: TemplateLevel }[];
  gradeBands: TTemplateContent["gradeBands"];
  progress: DashboardProgress;
  /** By score, highest first; unscored last. */
  municipalities: DashboardMunicipalityRow[];
  typicalErrors: Record<TemplateLevel, LevelTypicalErrors>;
  /** «МО, не предоставившие информацию». */
  notSubmitted: string[];
}

type BlankCount = CampaignDashboardRows["blankCounts"][number];

const COUNTED = COUNTED_STATUSES as readonly BlankStatus[];

/**
 * A campaign's results as the regional report shows them (seed 000), from the
 * counts of the database: progress, each municipality's scores and open findings,
 * and the typical errors of municipal and school coordinators.
 */
export function campaignDashboard(rows: CampaignDashboardRows): CampaignDashboard {
  const versions = [...rows.versions].sort((a, b) => b.version - a.version);
  const count = (where: (row: BlankCount) => boolean) => rows.blankCounts.filter(where).reduce((sum, row) => sum + row.count, 0);
  const { notSubmitted, ...campaign } = rows.campaign;
  const bandsFrom = versions.find((v) => v.level === "MUNICIPAL") ?? versions[0];
  return {
    campaign,
    templates: [...new Map(versions.map((v) => [v.templateId, { templateId: v.templateId, name: v.name, level: v.level }])).values()],
    gradeBands: bandsFrom?.content.gradeBands ?? { compliant: 90, partial: 70 },
    progress: {
      total: count(() => true),
      notStarted: count((r) => r.status === "NOT_STARTED"),
      inProgress: count((r) => r.status === "IN_PROGRESS"),
      submitted: count((r) => r.status === "SUBMITTED"),
      returned: count((r) => r.status === "RETURNED"),
      accepted: count((r) => r.status === "ACCEPTED"),
      notSubmittedMunicipalities: notSubmitted.length,
    },
    municipalities: municipalityRows(rows, versions, count),
    typicalErrors: {
      MUNICIPAL: levelTypicalErrors("MUNICIPAL", rows, versions, count),
      SCHOOL: levelTypicalErrors("SCHOOL", rows, versions, count),
    },
    notSubmitted,
  };
}

type Count = (where: (row: BlankCount) => boolean) => number;

function municipalityRows(rows: CampaignDashboardRows, versions: DashboardVersion[], count: Count): DashboardMunicipalityRow[] {
  const nameOf = new Map(rows.municipalityNames.map((m) => [m.id, m.name]));
  const schoolVersions = new Set(versions.filter((v) => v.level === "SCHOOL").map((v) => v.id));
  const isSchool = (row: BlankCount) => schoolVersions.has(row.templateVersionId);
  return [...new Set(rows.blankCounts.map((r) => r.municipalityId))]
    .filter((id) => nameOf.has(id))
    .map((id) => {
      const own = rows.municipalBlanks.filter((b) => b.municipalityId === id);
      const scored = own.filter((b) => COUNTED.includes(b.status));
      const average = rows.schoolAverages.find((s) => s.municipalityId === id)?.average;
      return {
        municipalityId: id,
        name: nameOf.get(id)!,
        municipalBlankId: own[0]?.id ?? null,
        municipalStatus: own[0]?.status ?? null,
        score: averageScore(scored.map((b) => b.score)),
        grade: scored.length === 1 ? scored[0]!.grade : null,
        schools: count((r) => r.municipalityId === id && isSchool(r)),
        schoolsCounted: count((r) => r.municipalityId === id && isSchool(r) && COUNTED.includes(r.status)),
        schoolAverage: average === null || average === undefined ? null : round1(average),
        openFindings: rows.openFindings.find((f) => f.municipalityId === id)?.count ?? 0,
      };
    })
    .sort(byScoreDescending((row) => row.score));
}

/** Each item's share among the counted blanks whose template version holds it. */
function levelTypicalErrors(
  level: TemplateLevel,
  rows: CampaignDashboardRows,
  versions: DashboardVersion[],
  count: Count,
): LevelTypicalErrors {
  const ofLevel = versions.filter((v) => v.level === level);
  const countedOf = (versionId: string) => count((r) => r.templateVersionId === versionId && COUNTED.includes(r.status));
  const total = count((r) => ofLevel.some((v) => v.id === r.templateVersionId));
  const counted = ofLevel.reduce((sum, v) => sum + countedOf(v.id), 0);
  const items = new Map<string, ItemInfo>();
  const denominators = new Map<string, number>();
  for (const version of ofLevel) {
    for (const [order, item] of answerableItems(version.content).entries()) {
      if (!items.has(item.key)) items.set(item.key, { key: item.key, number: item.number, title: item.title, order });
      denominators.set(item.key, (denominators.get(item.key) ?? 0) + countedOf(version.id));
    }
  }
  return {
    level,
    present: ofLevel.length > 0,
    counted,
    notCounted: total - counted,
    errors: typicalErrorRows({ counts: rows.itemFindings[level], items, denominators }),
  };
}
