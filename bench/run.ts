// `npm run bench`: benchmarks, separate from the tests. Starts PostgreSQL (DATABASE_URL's
// server, else an embedded one), loads the demo and a generated region into a database of its own, measures,
// and writes bench/results.json and bench/results.md (medians; machines here are noisy).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inheritedEnvironment } from "@/lib/env";
import { recreateDatabase } from "@/lib/server/db/admin";
import { connectDb, db, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { startTestServer } from "@/lib/server/db/test-server";
import { seedDemoData } from "@/lib/server/seed/demo-data/seed-demo-data";

const log = (line: string) => console.error(`[bench] ${line}`);
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startTestServer(log);
const url = await recreateDatabase(server.url, "metodaudit_bench");
await migrate({ databaseUrl: url, log });
connectDb(url);
// The demo, and one generated region of the performance issue's size (44 municipalities, 1,200 schools).
await seedDemoData({ db: db(), scale: "region", seed: 1, log });

/** The subjects of one region: its first campaign, one accepted municipal blank, a roadmap, a school. */
async function subjectsOf(regionCode: string, scale: string) {
  const region = await db().region.findUniqueOrThrow({ where: { code: regionCode } });
  const campaign = await db().campaign.findFirstOrThrow({ where: { regionId: region.id }, orderBy: { date: "asc" } });
  const blank = await db().blank.findFirstOrThrow({ where: { campaignId: campaign.id, status: "ACCEPTED", organizationId: null }, orderBy: { id: "asc" } });
  const roadmap = await db().plan.findFirstOrThrow({ where: { regionId: region.id, kind: "ROADMAP" }, orderBy: { id: "asc" } });
  const participants = await db().blank.count({ where: { campaignId: campaign.id } });
  return [
    { kind: "audit", id: blank.id, regionId: region.id, scale, label: "participant's audit PDF" },
    { kind: "campaign", id: campaign.id, regionId: region.id, scale, label: `regional campaign PDF (${participants} blanks)` },
    { kind: "roadmap", id: roadmap.id, regionId: region.id, scale, label: `roadmap execution PDF (${await db().planEvent.count({ where: { planId: roadmap.id } })} events)` },
    { kind: "records", id: region.id, regionId: region.id, scale, label: "region's ДОТ records PDF (counts)" },
  ];
}
const subjects = [...(await subjectsOf("23", "demo")), ...(await subjectsOf("R01", "region"))];
await disconnectDb();

const results = subjects.map((subject) => {
  log(`${subject.label}…`);
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "bench/report-child.ts", subject.kind, subject.id, subject.regionId, "5"],
    { encoding: "utf8", env: { ...inheritedEnvironment(), BENCH_DATABASE_URL: url }, maxBuffer: 10 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${subject.kind}: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { runsMs: number[]; maxRssMb: number; bytes: number };
  return { ...subject, medianMs: Math.round(median(measured.runsMs)), runsMs: measured.runsMs.map(Math.round), peakRssMb: Math.round(measured.maxRssMb), bytes: measured.bytes };
});
await server.stop();

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, at: new Date().toISOString() };
fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync(path.join("bench", "results.json"), `${JSON.stringify({ machine, reports: results }, null, 2)}\n`);
const table = [
  "| report | scale | median, ms | runs, ms | peak RSS, MB | size, KB |",
  "| --- | --- | --- | --- | --- | --- |",
  ...results.map((r) => `| ${r.label} | ${r.scale} | ${r.medianMs} | ${r.runsMs.join(", ")} | ${r.peakRssMb} | ${Math.round(r.bytes / 1024)} |`),
].join("\n");
fs.writeFileSync(path.join("bench", "results.md"), `Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; ${machine.at}\n\n${table}\n`);
console.log(table);
