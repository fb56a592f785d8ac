import { describe, expect, it } from "vitest";
import {
  DEFAULT_INPUTS,
  derivation,
  loadModel,
  NOT_IN_SOAK,
  REQUEST_KINDS,
  requestsPerFill,
  savesPerFill,
  soakShares,
} from "@/bench/load-model";
import { AUTOSAVE_MS } from "@/lib/domain/blanks/autosave";

const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe("the national deadline day's load model", () => {
  it("reads the seed templates' items and the form's debounce", () => {
    expect(DEFAULT_INPUTS.schoolItems).toEqual({ DOCUMENT: 6, COUNT: 3, PRESENCE: 3, TEXT: 0 });
    expect(DEFAULT_INPUTS.municipalItems).toEqual({ DOCUMENT: 5, COUNT: 3, PRESENCE: 1, TEXT: 0 });
    expect(DEFAULT_INPUTS.autosaveMs).toBe(AUTOSAVE_MS);
  });

  it("counts a school coordinator's fill: a save per input, a scan per document, the pages of two sittings", () => {
    expect(requestsPerFill("school", DEFAULT_INPUTS)).toEqual({
      autosave: 6 * 7 + 3 + 3,
      upload: 6,
      submit: 1,
      homeSchool: 2,
      homeMunicipality: 0,
      blankList: 2,
      blank: 4,
    });
    expect(total(requestsPerFill("municipal", DEFAULT_INPUTS))).toBe(5 * 7 + 3 + 1 + 5 + 1 + 2 + 2 + 4);
  });

  it("merges inputs into one save when they come faster than the debounce", () => {
    const items = { DOCUMENT: 1, COUNT: 2, PRESENCE: 0, TEXT: 0 };
    expect(savesPerFill(items, { autosaveMs: 1500, inputPauseMs: 5000 })).toBe(7 + 2);
    // Inputs 500 ms apart: three make a save; a document's 7 inputs are 3 saves, a count still 1.
    expect(savesPerFill(items, { autosaveMs: 1500, inputPauseMs: 500 })).toBe(3 + 2);
  });

  it("computes the peak: the day's requests, the busiest hour's share, the busiest minute's factor", () => {
    const model = loadModel();
    expect(model.fillsPerDay).toEqual({ school: 10_000, municipal: 575 });
    expect(total(model.perDay)).toBe(10_000 * 63 + 575 * 53);
    expect(model.peakHourRate).toBeCloseTo((660_475 * 0.2) / 3600, 6);
    expect(model.peakRate).toBeCloseTo(110.08, 2);
    expect(model.dayRate).toBeCloseTo(660_475 / (8 * 3600), 6);
  });

  it("scales with its inputs: twice the days halve the peak, a higher peak factor raises it", () => {
    const base = loadModel().peakRate;
    expect(loadModel({ ...DEFAULT_INPUTS, deadlineDays: 4 }).peakRate).toBeCloseTo(base / 2, 6);
    expect(loadModel({ ...DEFAULT_INPUTS, peakMinuteFactor: 6 }).peakRate).toBeCloseTo(base * 2, 6);
  });

  it("gives a mix that adds up, and the soak's without the kinds it cannot send", () => {
    const model = loadModel();
    expect(total(model.shares)).toBeCloseTo(1, 9);
    expect(total(model.peakRates)).toBeCloseTo(model.peakRate, 9);
    expect(model.shares.autosave).toBeGreaterThan(0.7);
    const soak = soakShares(model);
    expect(Object.keys(soak).sort()).toEqual(REQUEST_KINDS.filter((k) => !NOT_IN_SOAK.includes(k)).sort());
    expect(total(soak)).toBeCloseTo(1, 9);
    expect(soak.autosave! / soak.blank!).toBeCloseTo(model.shares.autosave / model.shares.blank, 9);
  });

  it("prints the derivation with the peak it computed", () => {
    const lines = derivation(loadModel());
    expect(lines.join("\n")).toContain("660,475 requests");
    expect(lines.join("\n")).toContain("peak 110.1 req/s");
  });
});
