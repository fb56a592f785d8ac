// `npm run bench` as the README documents it, at the smallest size: every suite, every endpoint
// measured, no errors, and the README's table left alone. The bench is not a test of speed; this
// keeps it from breaking quietly (a renamed action once dropped the autosave row without a word).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";

interface BenchResults {
  options: { scale: string };
  reports: { label: string; medianMs: number }[];
  http: { results: { endpoint: string; requests: number; errors: number }[]; skipped: string[] };
}

test("npm run bench -- --scale demo --duration 1 measures every report and endpoint without an error", () => {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), "metodaudit-bench-"));
  const readme = fs.readFileSync("README.md", "utf8");
  const run = spawnSync(
    "npm",
    ["run", "-s", "bench", "--", "--scale", "demo", "--duration", "1", "--connections", "2", "--output", output],
    {
      encoding: "utf8",
      timeout: 15 * 60_000,
    },
  );
  expect(run.status, `${run.stdout}\n${run.stderr.slice(-4000)}`).toBe(0);
  const results = JSON.parse(fs.readFileSync(path.join(output, "results.json"), "utf8")) as BenchResults;
  expect(results.options.scale).toBe("demo");
  expect(results.reports.length).toBeGreaterThanOrEqual(4);
  for (const report of results.reports) expect(report.medianMs, report.label).toBeGreaterThan(0);
  expect(results.http.skipped).toEqual([]);
  const endpoints = results.http.results.map((r) => r.endpoint);
  for (const expected of [/^floor: sign-in page/, /^floor: .*route handler/, /^home \/school/, /^autosave/, /^campaign dashboard/]) {
    expect(
      endpoints.some((e) => expected.test(e)),
      `${expected} in ${endpoints.join("; ")}`,
    ).toBe(true);
  }
  for (const r of results.http.results) {
    expect(r.errors, r.endpoint).toBe(0);
    expect(r.requests, r.endpoint).toBeGreaterThan(0);
  }
  expect(fs.readFileSync(path.join(output, "results.md"), "utf8")).toContain("| endpoint |");
  expect(fs.readFileSync("README.md", "utf8")).toBe(readme);
  fs.rmSync(output, { recursive: true, force: true });
});
