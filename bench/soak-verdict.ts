// The soak's judgement (bench/soak.ts), pure: whether a run passes (issue 19, target 5), and the
// capacity search's next step from the steps run so far.

/** p95 of the requests due after the warm-up, in ms: at most this. */
export const P95_LIMIT_MS = 300;
/** The server's RSS at the end may be this much above its RSS after the warm-up. */
export const GROWTH_LIMIT_PCT = 10;

export interface Check {
  label: string;
  ok: boolean;
}

export interface RunFacts {
  /** p95 of the requests due after the warm-up. */
  p95: number;
  /** Errors of every kind over the whole run (warm-up included). */
  errors: number;
  /** Server workers that exited during the run (the cluster starts another: a crash, or the memory limit). */
  workersExited: number;
  /** The server's RSS after the warm-up and at the end; omitted for a capacity step (too short to judge growth). */
  rss?: { startMb: number; endMb: number };
}

export const growthPct = (rss: { startMb: number; endMb: number }) =>
  rss.startMb > 0 ? Math.round(((rss.endMb - rss.startMb) / rss.startMb) * 1000) / 10 : 0;

/** Every criterion of the run, and whether all hold. */
export function soakVerdict(facts: RunFacts): { pass: boolean; checks: Check[] } {
  const checks: Check[] = [
    { label: `p95 after the warm-up ${facts.p95} ms (≤ ${P95_LIMIT_MS} ms)`, ok: facts.p95 <= P95_LIMIT_MS },
    { label: `errors ${facts.errors} (none)`, ok: facts.errors === 0 },
    { label: `server workers exited ${facts.workersExited} (none)`, ok: facts.workersExited === 0 },
  ];
  if (facts.rss) {
    const growth = growthPct(facts.rss);
    checks.push({
      label: `RSS ${facts.rss.startMb} → ${facts.rss.endMb} MB: ${growth >= 0 ? "+" : ""}${growth} % (≤ ${GROWTH_LIMIT_PCT} %)`,
      ok: growth <= GROWTH_LIMIT_PCT,
    });
  }
  return { pass: checks.every((c) => c.ok), checks };
}

export interface CapacityPlan {
  /** The first step's rate (req/s). */
  fromRate: number;
  /** Each climbing step's rate is the one before × growth. */
  growth: number;
  /** No step goes above this rate. */
  toRate: number;
  stepS: number;
  /** The confirmation's length: the highest passing rate once more, longer. */
  confirmS: number;
  /** Steps between the last pass and the first failure after the climb (each halves the gap). */
  refineSteps: number;
  /** Confirmations tried, each at the next lower passing rate when the one before failed. */
  maxConfirmations: number;
}

export type StepPurpose = "climb" | "refine" | "confirm";
export interface CapacityStep {
  rate: number;
  seconds: number;
  purpose: StepPurpose;
}
export interface StepResult extends CapacityStep {
  pass: boolean;
}
export interface CapacityResult {
  /** The highest rate that passed its confirmation; else the highest that passed a step (unconfirmed); 0 if none did. */
  capacity: number;
  confirmed: boolean;
  /** The climb reached toRate without a failure: the capacity is at least that. */
  atLeast: boolean;
}

const roundRate = (rate: number) => Math.round(rate * 10) / 10;

/** The capacity search's next step from the results so far, or its result. */
export function nextCapacityStep(plan: CapacityPlan, history: readonly StepResult[]): CapacityStep | CapacityResult {
  const climbs = history.filter((h) => h.purpose === "climb");
  const last = climbs.at(-1);
  const climbing = history.length === climbs.length && (!last || (last.pass && last.rate < plan.toRate));
  if (climbing) {
    const rate = last ? Math.min(plan.toRate, roundRate(last.rate * plan.growth)) : plan.fromRate;
    return { rate, seconds: plan.stepS, purpose: "climb" };
  }
  const high = Math.min(...history.filter((h) => !h.pass).map((h) => h.rate));
  const passedBelow = history.filter((h) => h.pass && h.rate < high).map((h) => h.rate);
  const low = passedBelow.length ? Math.max(...passedBelow) : 0;
  const atLeast = !Number.isFinite(high);
  const confirms = history.filter((h) => h.purpose === "confirm");
  const lastConfirm = confirms.at(-1);
  if (lastConfirm?.pass) return { capacity: lastConfirm.rate, confirmed: true, atLeast };
  if (low === 0) return { capacity: 0, confirmed: false, atLeast: false };
  const refines = history.filter((h) => h.purpose === "refine").length;
  if (refines < plan.refineSteps && Number.isFinite(high) && high / low > 1.1 && confirms.length === 0) {
    return { rate: roundRate((low + high) / 2), seconds: plan.stepS, purpose: "refine" };
  }
  if (confirms.length >= plan.maxConfirmations) return { capacity: low, confirmed: false, atLeast: false };
  return { rate: low, seconds: plan.confirmS, purpose: "confirm" };
}
