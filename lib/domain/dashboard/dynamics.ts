import { notFound } from "@/lib/errors";

export interface CampaignChoice {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  createdAt: Date;
}

export type CampaignPick<C extends CampaignChoice> =
  | { earlier: C; later: C; reason: null }
  | { earlier: null; later: null; reason: "FEWER_THAN_TWO" | "SAME_CAMPAIGN" };

const chronological = (a: CampaignChoice, b: CampaignChoice) =>
  a.date.localeCompare(b.date) || a.createdAt.getTime() - b.createdAt.getTime();

/**
 * The two campaigns to compare: the chosen ones (either order), a chosen one with
 * the latest other, or the latest two. A choice that is not among the campaigns
 * is "not found", like a foreign id.
 */
export function pickCampaigns<C extends CampaignChoice>(campaigns: C[], chosen: { from?: string; to?: string }): CampaignPick<C> {
  const find = (id: string) => {
    const campaign = campaigns.find((c) => c.id === id);
    if (!campaign) throw notFound("Кампания не найдена.");
    return campaign;
  };
  const picked = [chosen.from, chosen.to].filter((id): id is string => Boolean(id)).map(find);
  if (picked.length === 2 && picked[0]!.id === picked[1]!.id) return { earlier: null, later: null, reason: "SAME_CAMPAIGN" };
  const newestFirst = [...campaigns].sort((a, b) => chronological(b, a));
  for (const campaign of newestFirst) {
    if (picked.length >= 2) break;
    if (!picked.some((p) => p.id === campaign.id)) picked.push(campaign);
  }
  if (picked.length < 2) return { earlier: null, later: null, reason: "FEWER_THAN_TWO" };
  const [earlier, later] = picked.sort(chronological) as [C, C];
  return { earlier, later, reason: null };
}

export interface ComparableFinding {
  /** The participant: the municipality for its own blank, the school for a school blank. */
  subjectId: string;
  itemKey: string;
}

/**
 * Findings of the earlier and the later campaign matched by participant and item:
 * closed (earlier only), new (later only) and kept (in both, as the later one stands).
 */
export function diffFindings<F extends ComparableFinding>(earlier: F[], later: F[]): { closed: F[]; new: F[]; kept: F[] } {
  const key = (f: F) => `${f.subjectId}:${f.itemKey}`;
  const earlierKeys = new Set(earlier.map(key));
  const laterKeys = new Set(later.map(key));
  return {
    closed: earlier.filter((f) => !laterKeys.has(key(f))),
    new: later.filter((f) => !earlierKeys.has(key(f))),
    kept: later.filter((f) => earlierKeys.has(key(f))),
  };
}
