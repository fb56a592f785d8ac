import "server-only";

/** How much `demo-data` generates on top of the demo seed. Counts are in all, spread evenly over the regions. */
export interface DemoScale {
  regions: number;
  municipalities: number;
  schools: number;
  /** Per region, one a year: the latest in GENERATED_CAMPAIGN's year, each linked to the year before. */
  campaigns: number;
  /** Share of participants that never submitted. */
  notSubmittedShare: number;
  /** Roadmap events per municipality and school year (one roadmap per campaign's year), about. */
  eventsPerPlan: number;
  /** ДОТ student records, for the latest school year. */
  dotStudents: number;
  /** Accounts (all with GENERATED_PASSWORD): region admins and auditors, municipal and school coordinators. */
  users: number;
  implemented: boolean;
}

/** One region's share of a scale: the same fields, counted for the region. */
export type RegionScale = Omit<DemoScale, "regions" | "implemented">;

export const SCALES = {
  region: {
    regions: 1,
    municipalities: 44,
    schools: 1_200,
    campaigns: 1,
    notSubmittedShare: 0.2,
    eventsPerPlan: 50,
    dotStudents: 2_000,
    users: 250,
    implemented: true,
  },
  // 85 regions (27–28 municipalities, 470–471 schools each); 3 campaigns × 42,300 blanks ≈ 1.25 million answers;
  // 3 roadmaps × 29 events ≈ 87 events per municipality, 200,000 in all.
  national: {
    regions: 85,
    municipalities: 2_300,
    schools: 40_000,
    campaigns: 3,
    notSubmittedShare: 0.2,
    eventsPerPlan: 29,
    dotStudents: 100_000,
    users: 10_000,
    implemented: true,
  },
} as const satisfies Record<string, DemoScale>;

export type ScaleName = "demo" | keyof typeof SCALES;
export const SCALE_NAMES: readonly ScaleName[] = ["demo", "region", "national"];

/** The i-th region's (1-based) share of a total: the remainder goes one each to the first regions, so the shares add up. */
export function shareOf(total: number, regions: number, index: number): number {
  return Math.floor(total / regions) + (index <= total % regions ? 1 : 0);
}

/** The counts for the i-th generated region (1-based). */
export function regionScale(scale: DemoScale, index: number): RegionScale {
  const share = (total: number) => shareOf(total, scale.regions, index);
  return {
    municipalities: share(scale.municipalities),
    schools: share(scale.schools),
    campaigns: scale.campaigns,
    notSubmittedShare: scale.notSubmittedShare,
    eventsPerPlan: scale.eventsPerPlan,
    dotStudents: share(scale.dotStudents),
    users: share(scale.users),
  };
}

/** Seed 000's campaign date is 2022; the generated region is audited in the current-ish year. */
export const GENERATED_CAMPAIGN = {
  date: "2025-11-20",
  deadline: "2025-12-12",
  submittedAt: "2025-12-05T10:00:00Z",
  acceptedAt: "2025-12-15T10:00:00Z",
} as const;

export type CampaignDates = { [K in keyof typeof GENERATED_CAMPAIGN]: string };

/** The dates of the campaign `yearsBefore` years before GENERATED_CAMPAIGN's (0: that one). */
export function campaignDates(yearsBefore: number): CampaignDates {
  const shift = (text: string) => `${Number(text.slice(0, 4)) - yearsBefore}${text.slice(4)}`;
  return {
    date: shift(GENERATED_CAMPAIGN.date),
    deadline: shift(GENERATED_CAMPAIGN.deadline),
    submittedAt: shift(GENERATED_CAMPAIGN.submittedAt),
    acceptedAt: shift(GENERATED_CAMPAIGN.acceptedAt),
  };
}

/** Every generated account signs in with this password (the demo accounts' rule: demo data only, never real users). */
export const GENERATED_PASSWORD = "demo-data-password-2026";

/** The i-th generated region (1-based): «Тестовая область», code R01. */
export function generatedRegion(index: number) {
  const code = `R${String(index).padStart(2, "0")}`;
  return { code, name: index === 1 ? "Тестовая область" : `Тестовая область № ${index}` };
}
