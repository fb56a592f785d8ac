// The export of every roadmap event as XLSX, measured in a process of its own so that its
// peak RSS is the export's: the scope is an auditor of every region (a federal reader),
// the file is streamed to nowhere while its bytes are counted. RUNS exports after none as
// warm-up (one export is long enough to warm itself); prints { runsMs, maxRssMb, bytes, rows }.
import type { Scope } from "@/lib/scope";
import { connectDb, db, disconnectDb } from "@/lib/server/db/client";
import { exportList } from "@/lib/server/exports/export-list";

const runs = Number(process.argv[2] ?? "3");
connectDb(process.env.BENCH_DATABASE_URL!);
const regions = await db().region.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } });
const scope: Scope = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "bench@localhost",
  name: "Bench",
  memberships: regions.map((r) => ({
    id: r.id,
    role: "REGION_AUDITOR",
    regionId: r.id,
    municipalityId: null,
    organizationId: null,
    scopeName: r.name,
  })),
};
const rows = await db().planEvent.count();
// What the process holds before exporting (Node, Prisma, exceljs loaded; the pool open).
await exportList({ scope, list: "events", query: { q: "—no such event—" }, format: "xlsx" }).then((f) => f.stream.getReader().read());
const baseRssMb = process.memoryUsage().rss / 2 ** 20;
const runsMs: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const file = await exportList({ scope, list: "events", query: {}, format: "xlsx" });
  bytes = 0;
  // Read as a browser would: one chunk after another, nothing kept.
  const reader = file.stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
  runsMs.push(performance.now() - started);
}
await disconnectDb();
console.log(JSON.stringify({ runsMs, maxRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb, bytes, rows }));
