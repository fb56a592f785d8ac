// `npm run bench -- [--scale demo|region|national] [--suite reports,http] [--connections 50] [--duration 10] [--output DIR]`:
// benchmarks, separate from the tests. Starts PostgreSQL (DATABASE_URL's server, else an embedded
// one), loads the demo and the generated data of the chosen scale into a database of its own
// ("metodaudit_bench"), runs the suites, and writes bench/results.json and bench/results.md and
// the README's table; with --output, results.json and results.md go to DIR and the README is left
// alone (the test that runs the bench: tests/bench). Exits 1 when an endpoint was not measured,
// answered an error or completed no request: a bench that quietly lost a row is broken.
//   reports: each PDF report built in a process of its own (bench/suites/reports.ts);
//   http:    the production server driven over HTTP by autocannon in a second process, with the
//            same data fetched by hand-written SQL for comparison (bench/suites/http.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { recreateDatabase } from "@/lib/server/db/admin";
import { connectDb, db, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { startTestServer } from "@/lib/server/db/test-server";
import { seedDemoData } from "@/lib/server/seed/demo-data/seed-demo-data";
import { SCALE_NAMES, type ScaleName } from "@/lib/server/seed/demo-data/scales";
import { httpTable, LIMITS_NOTE, runHttpSuite, type HttpSuiteResult } from "./suites/http";
import { reportsTable, runReportsSuite, type ReportResult } from "./suites/reports";

const log = (line: string) => console.error(`[bench] ${line}`);
const SUITES = ["reports", "http"] as const;
type Suite = (typeof SUITES)[number];

function usage(message: string): never {
  console.error(`npm run bench: ${message}
usage: npm run bench -- [--scale demo|region|national] [--suite reports,http] [--connections 50] [--duration 10] [--output DIR]`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "region" },
    suite: { type: "string", default: SUITES.join(",") },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    output: { type: "string" },
  },
  strict: true,
});
const scale = args.scale as ScaleName;
if (!SCALE_NAMES.includes(scale)) usage(`--scale ${args.scale}: one of ${SCALE_NAMES.join(", ")}`);
const suites = args.suite
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean) as Suite[];
for (const suite of suites) if (!SUITES.includes(suite)) usage(`--suite ${suite}: one of ${SUITES.join(", ")}`);
const connections = Number(args.connections);
const duration = Number(args.duration);
if (!Number.isInteger(connections) || connections < 1) usage("--connections: a whole number ≥ 1");
if (!Number.isFinite(duration) || duration <= 0) usage("--duration: seconds, > 0");

const server = await startTestServer(log);
let reports: ReportResult[] | undefined;
let http: HttpSuiteResult | undefined;
try {
  const url = await recreateDatabase(server.url, "metodaudit_bench");
  await migrate({ databaseUrl: url, log });
  connectDb(url);
  try {
    await seedDemoData({ db: db(), scale, seed: 1, log });
  } catch (error) {
    if (error instanceof AppError) {
      // e.g. `--scale national` before its generator exists: nothing measured, the old results stay.
      console.error(`npm run bench: cannot load the ${scale} scale: ${error.message}`);
      process.exitCode = 2;
      throw error;
    }
    throw error;
  }
  if (suites.includes("reports")) reports = await runReportsSuite({ databaseUrl: url, scale, log });
  if (suites.includes("http")) http = await runHttpSuite({ databaseUrl: url, scale, connections, duration, log });
} catch (error) {
  await disconnectDb().catch(() => {});
  await server.stop();
  if (process.exitCode === 2) process.exit(2);
  throw error;
}
await disconnectDb();
await server.stop();

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "",
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  at: new Date().toISOString(),
};
const options = { scale, suites, connections, duration };
const outputDir = args.output ?? "bench";
fs.mkdirSync(outputDir, { recursive: true });
fs.writeFileSync(path.join(outputDir, "results.json"), `${JSON.stringify({ machine, options, reports, http }, null, 2)}\n`);
const sections = [
  `Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; ${machine.at}`,
  `Options: --scale ${scale} --suite ${suites.join(",")} --connections ${connections} --duration ${duration}`,
];
if (reports) sections.push(`## Reports (each built in a process of its own: median of 5 after a warm-up)\n\n${reportsTable(reports)}`);
if (http) {
  sections.push(
    [
      `## HTTP (production build; autocannon in a second process, ${duration} s per endpoint)`,
      "",
      httpTable(http),
      "",
      memoryLine(http),
      "",
      `Latencies are exact percentiles of every response. errors: socket errors, timeouts, responses ≥ 300 and autosaves without their new version.` +
        ` share of floor: req/s ÷ the floor row's req/s in this run (the sign-in page for pages, the route handler for /api and the autosave).` +
        ` Peak RSS: the server's process tree, sampled every 200 ms during the endpoint (whole run's VmHWM: ${http.serverPeakRssMb} MB).` +
        ` SQL p50: the hand-written query through \`pg\` at the same concurrency (bench/http/sql.ts); app/SQL = app p50 / SQL p50.` +
        ` The server ran with ${LIMITS_NOTE}: every client signs in from 127.0.0.1, and the limits are not what is measured.`,
      ...http.results.filter((r) => r.note).map((r) => `- ${r.endpoint}: ${r.note}`),
      ...http.skipped.map((s) => `- not measured: ${s}`),
    ].join("\n"),
  );
}
const markdown = sections.join("\n\n");
fs.writeFileSync(path.join(outputDir, "results.md"), `${markdown}\n`);
if (args.output === undefined) writeReadmeResults(markdown);
console.log(sections.slice(2).join("\n\n"));
const unmeasured = [
  ...(http?.skipped ?? []),
  ...(http?.results ?? []).flatMap((r) =>
    r.errors > 0
      ? [`${r.endpoint}: ${r.errors} errors (${r.firstFailure ?? "see the log"})`]
      : r.requests === 0
        ? [`${r.endpoint}: no request completed`]
        : [],
  ),
];
if (unmeasured.length > 0) {
  console.error(`npm run bench: not measured:\n${unmeasured.map((line) => `  - ${line}`).join("\n")}`);
  process.exitCode = 1;
}

/** Issue 19's memory target: the server's whole process tree (primary and workers) at most 1,000 MB at its peak. */
function memoryLine(http: HttpSuiteResult): string {
  const sampled = Math.max(...http.results.map((r) => r.peakRssMb));
  return (
    `Server memory: the process tree's largest sample ${sampled} MB; each process's own peak (VmHWM), summed, ${http.serverPeakRssMb} MB;` +
    ` target ≤ 1,000 MB: ${Math.max(sampled, http.serverPeakRssMb) <= 1000 ? "met" : "not met"}.`
  );
}

/** The README's results are this run's: the block between the markers is replaced (its headings one level down). */
function writeReadmeResults(results: string) {
  const start = "<!-- bench:results:start -->";
  const end = "<!-- bench:results:end -->";
  const readme = fs.readFileSync("README.md", "utf8");
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return log("README.md has no bench:results markers; results are in bench/results.md only");
  const block = results.replace(/^## /gmu, "#### ");
  fs.writeFileSync("README.md", `${readme.slice(0, from + start.length)}\n${block}\n${readme.slice(to)}`);
  log("README.md: results written between the bench:results markers");
}
