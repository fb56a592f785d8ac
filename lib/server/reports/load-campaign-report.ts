import "server-only";
import type { LevelTypicalErrors } from "@/lib/domain/dashboard/campaign-dashboard";
import { COUNTED_STATUSES } from "@/lib/domain/dashboard/counted-statuses";
import type { CampaignReportData, TypicalErrorsOfLevel } from "@/lib/domain/reports/pdf/campaign-report";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import { narrowScope, type Scope } from "@/lib/scope";
import { REGION_STAFF } from "@/lib/roles";
import type { BlankStatus } from "@/lib/schemas/blank";
import { getCampaignDashboard } from "@/lib/server/dashboard/get-campaign-dashboard";
import { db } from "@/lib/server/db/client";

const COUNTED = COUNTED_STATUSES as readonly BlankStatus[];

function typicalErrorsOf(level: LevelTypicalErrors): TypicalErrorsOfLevel | null {
  if (!level.present) return null;
  return {
    counted: level.counted,
    rows: level.errors.map((e) => ({ itemNumber: e.itemNumber, itemTitle: e.itemTitle, count: e.count, share: e.share })),
  };
}

/**
 * The regional report of a campaign, for the region's staff only (anyone else,
 * and a foreign id, gets "not found"): what the campaign dashboard counts, with
 * the campaign's tasks. `today` decides whether the deadline has passed.
 */
export async function loadCampaignReport(options: { scope: Scope; campaignId: string; today: string }) {
  const scope = narrowScope(options.scope, REGION_STAFF);
  const dashboard = await getCampaignDashboard({ scope, campaignId: options.campaignId, today: options.today });
  // Access is settled by the dashboard; the tasks and the region are all it leaves out.
  const { regionId, tasks } = await db().campaign.findUniqueOrThrow({
    where: { id: dashboard.campaign.id },
    select: { regionId: true, tasks: true },
  });
  const { campaign } = dashboard;
  const audited = dashboard.municipalities
    .filter((m) => (m.municipalStatus !== null && COUNTED.includes(m.municipalStatus)) || m.schoolsCounted > 0)
    .map((m) => m.name)
    .sort((a, b) => a.localeCompare(b, "ru"));
  const data: Omit<CampaignReportData, keyof ReportBase> = {
    campaign: {
      name: campaign.name,
      date: campaign.date,
      deadline: campaign.deadline,
      goal: campaign.goal,
      tasks,
      overdue: campaign.overdue,
    },
    audited,
    notSubmitted: dashboard.notSubmitted,
    typicalErrors: {
      MUNICIPAL: typicalErrorsOf(dashboard.typicalErrors.MUNICIPAL),
      SCHOOL: typicalErrorsOf(dashboard.typicalErrors.SCHOOL),
    },
    scores: dashboard.municipalities.map((m) => ({ name: m.name, score: m.score, grade: m.grade, schoolAverage: m.schoolAverage })),
    gradeBands: dashboard.gradeBands,
  };
  return { regionId, campaignName: campaign.name, campaignDate: campaign.date, data };
}
