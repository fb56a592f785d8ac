import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { createRandom } from "@/lib/seed-data/random";
import { seedDemo } from "../seed-demo";
import { generateRegion } from "./generate-region";
import { generatedRegion, GENERATED_PASSWORD, regionScale, SCALES, type ScaleName } from "./scales";

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * `demo-data --scale`: the demo seed, then for `region` and `national` generated
 * regions on top of it, deterministic for a seed, one region (one transaction)
 * at a time so memory stays bounded. A region already there is skipped, so
 * running twice adds nothing. With more than one region, each region's steps
 * are left out of the log and a line per region tells the progress.
 */
export async function seedDemoData(options: { db: PrismaClient; scale: ScaleName; seed: number; log: (line: string) => void }) {
  const { scale, seed, log } = options;
  const started = Date.now();
  if (scale !== "demo" && !SCALES[scale].implemented) {
    throw new AppError(
      "VALIDATION",
      `demo-data --scale ${scale}: not implemented yet (its parameters are in lib/server/seed/demo-data/scales.ts); use --scale region.`,
    );
  }
  log("Demo seed");
  const demo = await seedDemo({ db: options.db, log });
  const regions: Awaited<ReturnType<typeof generateRegion>>[] = [];
  const skipped: string[] = [];
  if (scale !== "demo") {
    const params = SCALES[scale];
    const random = createRandom(seed);
    const detail = params.regions === 1 ? log : () => {};
    const generationStarted = Date.now();
    // Each region draws from its own stream, named by the region: the same seed and name give the same region.
    for (let index = 1; index <= params.regions; index++) {
      const region = generatedRegion(index);
      if (await options.db.region.findUnique({ where: { code: region.code } })) {
        log(`Region ${region.code} «${region.name}» is already there: skipped`);
        skipped.push(region.code);
        continue;
      }
      const regionStarted = Date.now();
      const result = await generateRegion({ region, random, scale: regionScale(params, index), log: detail });
      regions.push(result);
      const elapsed = Date.now() - generationStarted;
      const left = (elapsed / regions.length) * (params.regions - index);
      log(
        `Region ${region.code} (${index}/${params.regions}) «${region.name}»: ${result.municipalities} municipalities, ${result.schools} schools, ` +
          `${result.campaigns} campaigns, ${result.blanks} blanks, ${result.answers} answers, ${result.findings} findings, ${result.events} roadmap events, ` +
          `${result.dotStudents} ДОТ records, ${result.users} users in ${seconds(Date.now() - regionStarted)} s` +
          (index < params.regions ? `; ${seconds(elapsed)} s so far, about ${Math.ceil(left / 60_000)} min left` : ""),
      );
    }
    if (regions.length > 0) {
      // Fresh planner statistics: right after a bulk load autovacuum has not looked yet,
      // and the planner would take the big tables for empty ones.
      log("ANALYZE…");
      await options.db.$executeRawUnsafe("ANALYZE");
      log(`Generated accounts sign in with the password ${GENERATED_PASSWORD}`);
    }
  }
  const totals = {
    regions: regions.length,
    ...Object.fromEntries(
      (["municipalities", "schools", "campaigns", "blanks", "answers", "findings", "plans", "events", "dotStudents", "users"] as const).map(
        (key) => [key, regions.reduce((sum, r) => sum + r[key], 0)],
      ),
    ),
  };
  const took = seconds(Date.now() - started);
  log(`demo-data --scale ${scale}: done in ${took} s`);
  return { scale, seed, demo, regions, skipped, totals, seconds: took };
}
