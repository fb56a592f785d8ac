// The reports suite: each PDF report built five times after a warm-up, in a process of its own
// (bench/report-child.ts) so that its peak RSS is its own, and the XLSX export of every roadmap
// event (bench/export-child.ts). Runs on the orchestrator's database.
import { spawnSync } from "node:child_process";
import { inheritedEnvironment } from "@/lib/env";
import { db } from "@/lib/server/db/client";
import type { ScaleName } from "@/lib/server/seed/demo-data/scales";

export interface ReportResult {
  kind: string;
  id: string;
  regionId: string;
  scale: string;
  label: string;
  medianMs: number;
  runsMs: number[];
  peakRssMb: number;
  /** The process's RSS before the work (Node, tsx, Prisma and the libraries loaded): for the export only. */
  baseRssMb?: number;
  bytes: number;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The subjects of one region: its first campaign, one accepted municipal blank, a roadmap, a school. */
async function subjectsOf(regionCode: string, scale: string) {
  const region = await db().region.findUniqueOrThrow({ where: { code: regionCode } });
  const campaign = await db().campaign.findFirstOrThrow({ where: { regionId: region.id }, orderBy: { date: "asc" } });
  const blank = await db().blank.findFirstOrThrow({
    where: { campaignId: campaign.id, status: "ACCEPTED", organizationId: null },
    orderBy: { id: "asc" },
  });
  const roadmap = await db().plan.findFirstOrThrow({ where: { regionId: region.id, kind: "ROADMAP" }, orderBy: { id: "asc" } });
  const participants = await db().blank.count({ where: { campaignId: campaign.id } });
  return [
    { kind: "audit", id: blank.id, regionId: region.id, scale, label: "participant's audit PDF" },
    { kind: "campaign", id: campaign.id, regionId: region.id, scale, label: `regional campaign PDF (${participants} blanks)` },
    {
      kind: "roadmap",
      id: roadmap.id,
      regionId: region.id,
      scale,
      label: `roadmap execution PDF (${await db().planEvent.count({ where: { planId: roadmap.id } })} events)`,
    },
    { kind: "records", id: region.id, regionId: region.id, scale, label: "region's ДОТ records PDF (counts)" },
  ];
}

export async function runReportsSuite(options: {
  databaseUrl: string;
  scale: ScaleName;
  log: (line: string) => void;
}): Promise<ReportResult[]> {
  const { databaseUrl, scale, log } = options;
  // The demo region always; the first generated region (R01) at region and national scale.
  const subjects = [...(await subjectsOf("23", "demo")), ...(scale === "demo" ? [] : await subjectsOf("R01", scale))];
  const reports = subjects.map((subject) => {
    log(`${subject.label} (${subject.scale})…`);
    const child = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/report-child.ts", subject.kind, subject.id, subject.regionId, "5"],
      { encoding: "utf8", env: { ...inheritedEnvironment(), BENCH_DATABASE_URL: databaseUrl }, maxBuffer: 10 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`${subject.kind}: ${child.stderr}`);
    const measured = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { runsMs: number[]; maxRssMb: number; bytes: number };
    return {
      ...subject,
      medianMs: Math.round(median(measured.runsMs)),
      runsMs: measured.runsMs.map(Math.round),
      peakRssMb: Math.round(measured.maxRssMb),
      bytes: measured.bytes,
    };
  });
  return [...reports, measureEventsExport(databaseUrl, scale, log)];
}

/** Every roadmap event in the database as XLSX (200,000 at national scale), three times in a process of its own. */
function measureEventsExport(databaseUrl: string, scale: string, log: (line: string) => void): ReportResult {
  log(`events XLSX export (every region) (${scale})…`);
  // V8's default heap limit is a quarter of the machine's memory, and it lets garbage pile up
  // to it before collecting; 256 MB is what a server process should be given, and the export fits.
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=256", "--conditions=react-server", "--import", "tsx", "bench/export-child.ts", "3"],
    {
      encoding: "utf8",
      env: { ...inheritedEnvironment(), BENCH_DATABASE_URL: databaseUrl },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`events export: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
    runsMs: number[];
    maxRssMb: number;
    baseRssMb: number;
    bytes: number;
    rows: number;
  };
  return {
    kind: "events-xlsx",
    id: "",
    regionId: "",
    scale,
    label: `events XLSX export, streamed (${measured.rows.toLocaleString("en")} events, every region)`,
    medianMs: Math.round(median(measured.runsMs)),
    runsMs: measured.runsMs.map(Math.round),
    peakRssMb: Math.round(measured.maxRssMb),
    baseRssMb: Math.round(measured.baseRssMb),
    bytes: measured.bytes,
  };
}

export function reportsTable(results: ReportResult[]): string {
  return [
    "| report | scale | median, ms | runs, ms | peak RSS, MB | RSS before, MB | size, KB |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.scale} | ${r.medianMs} | ${r.runsMs.join(", ")} | ${r.peakRssMb} | ${r.baseRssMb ?? "—"} | ${Math.round(r.bytes / 1024)} |`,
    ),
  ].join("\n");
}
