import "server-only";
import { municipalityWhere, type Scope } from "@/lib/scope";
import { campaignWhere } from "@/lib/server/campaigns/campaign-access";
import { db } from "@/lib/server/db/client";

/** As many choices as the lists' largest page offered before. */
const CHOICES = 100;

/**
 * The blank list's filter choices, names only: the campaigns the caller sees, newest first,
 * and their municipalities by name, in the order of the campaign and municipality lists'
 * first pages. Those lists also count every campaign's blanks and every municipality's
 * schools, which a filter does not show.
 */
export async function listBlankFilters(options: { scope: Scope }) {
  const [campaigns, municipalities] = await Promise.all([
    db().campaign.findMany({
      where: campaignWhere(options.scope),
      orderBy: [{ date: "desc" }, { id: "asc" }],
      take: CHOICES,
      select: { id: true, name: true },
    }),
    db().municipality.findMany({
      where: municipalityWhere(options.scope),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CHOICES,
      select: { id: true, name: true },
    }),
  ]);
  return { campaigns, municipalities };
}
