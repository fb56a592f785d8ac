// `npm test`: the type check and the linter (Biome), then every test, in order: unit,
// integration (real PostgreSQL), end-to-end (Chromium), and the bench run as documented (demo scale). Ends with one line "Total: N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env, inheritedEnvironment } from "@/lib/env";
import { ensureChromium, ensureLibreOffice, ensurePoppler } from "./ensure-debian-tools";

const log = (line: string) => console.log(`[test] ${line}`);
const RESULTS = path.resolve("test-results");

interface Counts {
  passed: number;
  failed: number;
}

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  log(`${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...inheritedEnvironment(), ...extraEnv } });
  return result.status === 0;
}

function vitestCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: json.numPassedTests, failed: json.numFailedTests + (json.numTotalTestSuites === 0 ? 1 : 0) };
}

function playwrightCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const stats = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + stats.skipped };
}

const vitestBin = path.resolve("node_modules/vitest/vitest.mjs");
const playwrightBin = path.resolve("node_modules/@playwright/test/cli.js");

fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

const totals: Counts = { passed: 0, failed: 0 };
const add = (counts: Counts) => {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
};

// The gate: types and style first; a tree that fails either is not worth the rest of the run.
const tscBin = path.resolve("node_modules/typescript/bin/tsc");
const biomeBin = path.resolve("node_modules/@biomejs/biome/bin/biome");
for (const [label, command, args] of [
  ["types", process.execPath, [tscBin, "--noEmit"]],
  ["lint and format", biomeBin, ["ci", "--error-on-warnings", "."]],
] as const) {
  if (!run(label, command, [...args])) {
    console.log(`Total: 0 passed, 1 failed (${label}: fix the errors above, then run npm test again)`);
    process.exit(1);
  }
}

for (const ensure of [ensurePoppler, ensureLibreOffice]) {
  try {
    ensure(log);
  } catch (error) {
    // The PDF and DOCX tests then fail with their own message; the rest still runs.
    console.error(`[test] ${(error as Error).message}`);
  }
}

function runVitest(project: string) {
  const output = path.join(RESULTS, `${project}.json`);
  const ok = run(project, process.execPath, [
    vitestBin,
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  const counts = vitestCounts(output);
  if (!ok && counts.failed === 0) counts.failed = 1;
  add(counts);
}

runVitest("unit");
runVitest("integration");

let chromium: string | undefined;
try {
  chromium = ensureChromium(env().CHROMIUM_PATH, log);
} catch (error) {
  console.error(`[test] ${(error as Error).message}`);
  totals.failed += 1;
}
if (chromium) {
  const ok = run("e2e", process.execPath, [playwrightBin, "test"], { CHROMIUM_PATH: chromium });
  const counts = playwrightCounts(path.join(RESULTS, "e2e-results.json"));
  if (!ok && counts.failed === 0) counts.failed = 1;
  add(counts);
}

// Last: it reuses the production build the end-to-end tests made.
runVitest("bench");

console.log(`Total: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
