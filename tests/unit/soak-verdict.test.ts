import { describe, expect, it } from "vitest";
import {
  type CapacityPlan,
  type CapacityResult,
  type CapacityStep,
  nextCapacityStep,
  soakVerdict,
  type StepResult,
} from "@/bench/soak-verdict";

describe("the soak's verdict", () => {
  const good = { p95: 120, errors: 0, workersExited: 0, rss: { startMb: 800, endMb: 860 } };

  it("passes a run within every limit", () => {
    expect(soakVerdict(good).pass).toBe(true);
  });

  it("fails a run whose p95 after the warm-up is over 300 ms, even with no errors", () => {
    const verdict = soakVerdict({ ...good, p95: 301 });
    expect(verdict.pass).toBe(false);
    expect(verdict.checks.find((c) => !c.ok)?.label).toContain("p95");
  });

  it("fails on one error, one worker that exited, or RSS growth over 10 %", () => {
    expect(soakVerdict({ ...good, errors: 1 }).pass).toBe(false);
    expect(soakVerdict({ ...good, workersExited: 1 }).pass).toBe(false);
    expect(soakVerdict({ ...good, rss: { startMb: 800, endMb: 881 } }).pass).toBe(false);
    expect(soakVerdict({ ...good, rss: { startMb: 800, endMb: 880 } }).pass).toBe(true);
  });
});

describe("the capacity search", () => {
  const plan: CapacityPlan = { fromRate: 10, growth: 1.5, toRate: 100, stepS: 60, confirmS: 120, refineSteps: 1, maxConfirmations: 2 };

  /** Runs the search against a server that meets the p95 up to `limit` req/s (and, if given, fails confirmations above `confirmLimit`). */
  function search(limit: number, confirmLimit = limit) {
    const history: StepResult[] = [];
    for (let i = 0; i < 30; i++) {
      const next = nextCapacityStep(plan, history);
      if (!("purpose" in next)) return { result: next as CapacityResult, history };
      const step = next as CapacityStep;
      history.push({ ...step, pass: step.rate <= (step.purpose === "confirm" ? confirmLimit : limit) });
    }
    throw new Error("the search did not end");
  }

  it("climbs in rising steps, narrows the gap once, and confirms the highest passing rate", () => {
    const { result, history } = search(40);
    expect(history.map((h) => [h.purpose, h.rate, h.pass])).toEqual([
      ["climb", 10, true],
      ["climb", 15, true],
      ["climb", 22.5, true],
      ["climb", 33.8, true],
      ["climb", 50.7, false],
      ["refine", 42.3, false],
      ["confirm", 33.8, true],
    ]);
    expect(history.at(-1)!.seconds).toBe(120);
    expect(result).toEqual({ capacity: 33.8, confirmed: true, atLeast: false });
  });

  it("steps down when the confirmation fails", () => {
    const { result, history } = search(40, 30);
    expect(history.filter((h) => h.purpose === "confirm").map((h) => [h.rate, h.pass])).toEqual([
      [33.8, false],
      [22.5, true],
    ]);
    expect(result.capacity).toBe(22.5);
  });

  it("reports 0 when even the first rate fails, and 'at least' when the last rate passes", () => {
    expect(search(5).result).toEqual({ capacity: 0, confirmed: false, atLeast: false });
    expect(search(1000).result).toEqual({ capacity: 100, confirmed: true, atLeast: true });
  });
});
