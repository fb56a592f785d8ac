import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { SCALE_NAMES, type ScaleName } from "@/lib/server/seed/demo-data/scales";
import { seedDemoData } from "@/lib/server/seed/demo-data/seed-demo-data";

/**
 * `demo-data --scale demo|region|national [--seed N]`: migrates, loads the demo
 * seed, then generated regions in bulk (into db(), which main.ts connected to `databaseUrl`). Progress goes to stderr, the summary to stdout.
 * `national` (85 regions, ~2 million rows of answers, events and records) takes a few minutes.
 */
export async function demoDataCommand(args: string[], databaseUrl: string, log: (line: string) => void) {
  const { values } = parseArgs({ args, options: { scale: { type: "string" }, seed: { type: "string" } }, strict: true });
  const scale = values.scale as ScaleName;
  if (!SCALE_NAMES.includes(scale)) throw new AppError("VALIDATION", `demo-data needs --scale ${SCALE_NAMES.join("|")}`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new AppError("VALIDATION", "--seed must be a whole number");
  const migrations = await migrate({ databaseUrl, log });
  const result = await seedDemoData({ db: db(), scale, seed, log });
  // National: 85 regions, each already reported on stderr; the summary keeps their codes and the totals.
  const regions = result.regions.length > 3 ? result.regions.map((r) => r.code) : result.regions;
  return { migrations: migrations.applied, ...result, regions };
}
