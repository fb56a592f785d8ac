// What the soak reads beyond the HTTP suite's fixtures (bench/http/fixtures.ts): several subjects
// of each kind, so that the mix does not ask for one page of one blank for 30 minutes (a cache or
// a leak keyed by id would not show): accepted blanks to open and to print, the region's
// roadmaps to open and export, and how many pages the blank list has.
import { db } from "@/lib/server/db/client";
import type { HttpFixtures } from "./fixtures";

/** The blank list's page size (lib/schemas/list.ts's default). */
const LIST_PAGE_SIZE = 20;

export interface SoakFixtures {
  /** Accepted blanks of the campaign (school and municipal): the auditor opens them. */
  acceptedBlankIds: string[];
  /** Accepted municipal blanks: the participant's audit PDF. */
  auditBlankIds: string[];
  /** The region's roadmaps: their page and their XLSX export. */
  roadmapIds: string[];
  /** Pages of the blank list under its filter (at most 50). */
  blankListPages: number;
}

export async function prepareSoakFixtures(http: HttpFixtures): Promise<SoakFixtures> {
  const accepted = await db().blank.findMany({
    where: { campaignId: http.campaignId, status: "ACCEPTED" },
    orderBy: { id: "asc" },
    take: 20,
    select: { id: true },
  });
  const audits = await db().blank.findMany({
    where: { campaignId: http.campaignId, status: "ACCEPTED", organizationId: null },
    orderBy: { id: "asc" },
    take: 10,
    select: { id: true },
  });
  const roadmaps = await db().plan.findMany({
    where: { regionId: http.regionId, kind: "ROADMAP" },
    orderBy: { id: "asc" },
    take: 10,
    select: { id: true },
  });
  return {
    acceptedBlankIds: accepted.length ? accepted.map((b) => b.id) : [http.auditBlankId],
    auditBlankIds: audits.length ? audits.map((b) => b.id) : [http.auditBlankId],
    roadmapIds: roadmaps.length ? roadmaps.map((p) => p.id) : [http.roadmapId],
    blankListPages: Math.max(1, Math.min(50, Math.ceil(http.blankList.total / LIST_PAGE_SIZE))),
  };
}
