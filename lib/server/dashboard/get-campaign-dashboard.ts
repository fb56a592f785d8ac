import "server-only";
import { campaignDashboard, type CampaignDashboard } from "@/lib/domain/dashboard/campaign-dashboard";
import type { Scope } from "@/lib/scope";
import { queryCampaignDashboard } from "./query-campaign-dashboard";

/**
 * A campaign's results as the regional report shows them (seed 000): progress,
 * each municipality's scores and open findings, the typical errors of municipal
 * and school coordinators, and «МО, не предоставившие информацию». The region's
 * staff see the whole campaign; a municipal coordinator their municipality and its
 * schools; anyone else gets "not found". Everything is counted in the database.
 */
export async function getCampaignDashboard(options: { scope: Scope; campaignId: string; today?: string }): Promise<CampaignDashboard> {
  return campaignDashboard(await queryCampaignDashboard(options));
}
