// One report kind, measured in a process of its own so that its peak RSS is its own:
// a warm-up, then RUNS builds; prints { kind, runsMs, maxRssMb, bytes, pages? } as JSON.
import { adminScopeOf } from "@/lib/cli/admin-scope";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { buildReport } from "@/lib/server/reports/build-report";
import type { ReportKind } from "@/lib/domain/reports/report-kinds";

const [kind, id, regionId, runs = "5"] = process.argv.slice(2) as [ReportKind, string, string, string?];
connectDb(process.env.BENCH_DATABASE_URL!);
const scope = adminScopeOf(regionId);
const runsMs: number[] = [];
let bytes = 0;
await buildReport({ scope, kind, id });
for (let i = 0; i < Number(runs); i++) {
  const started = performance.now();
  const report = await buildReport({ scope, kind, id });
  runsMs.push(performance.now() - started);
  bytes = report.bytes.length;
}
await disconnectDb();
console.log(JSON.stringify({ kind, runsMs, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes }));
