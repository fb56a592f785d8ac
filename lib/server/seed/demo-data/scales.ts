import "server-only";

/** How much `demo-data` generates on top of the demo seed. */
export interface DemoScale {
  regions: number;
  /** Per region. */
  municipalities: number;
  /** Per region. */
  schools: number;
  /** Per region; campaigns after the first are earlier years. */
  campaigns: number;
  /** Share of participants that never submitted. */
  notSubmittedShare: number;
  /** Roadmap events per municipality, about. */
  eventsPerPlan: number;
  /** ДОТ student records per region. */
  dotStudents: number;
  implemented: boolean;
}

export const SCALES = {
  region: { regions: 1, municipalities: 44, schools: 1_200, campaigns: 1, notSubmittedShare: 0.2, eventsPerPlan: 50, dotStudents: 2_000, implemented: true },
  // 85 regions, ~2,300 municipalities, ~40,000 schools in all.
  national: { regions: 85, municipalities: 27, schools: 470, campaigns: 3, notSubmittedShare: 0.2, eventsPerPlan: 50, dotStudents: 2_000, implemented: false },
} as const satisfies Record<string, DemoScale>;

export type ScaleName = "demo" | keyof typeof SCALES;
export const SCALE_NAMES: readonly ScaleName[] = ["demo", "region", "national"];

/** Seed 000's campaign date is 2022; the generated region is audited in the current-ish year. */
export const GENERATED_CAMPAIGN = { date: "2025-11-20", deadline: "2025-12-12", submittedAt: "2025-12-05T10:00:00Z", acceptedAt: "2025-12-15T10:00:00Z" } as const;

/** The i-th generated region (1-based): «Тестовая область», code R01. */
export function generatedRegion(index: number) {
  const code = `R${String(index).padStart(2, "0")}`;
  return { code, name: index === 1 ? "Тестовая область" : `Тестовая область № ${index}` };
}
