import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { createRandom } from "@/lib/seed-data/random";
import { seedDemo } from "../seed-demo";
import { generateRegion } from "./generate-region";
import { generatedRegion, SCALES, type ScaleName } from "./scales";

/**
 * `demo-data --scale`: the demo seed, then for `region` (and, later, `national`)
 * generated regions on top of it, deterministic for a seed. A region already
 * there is skipped, so running twice adds nothing.
 */
export async function seedDemoData(options: { db: PrismaClient; scale: ScaleName; seed: number; log: (line: string) => void }) {
  const { scale, seed, log } = options;
  const started = Date.now();
  if (scale !== "demo" && !SCALES[scale].implemented) {
    throw new AppError("VALIDATION", `demo-data --scale ${scale}: not implemented yet (its parameters are in lib/server/seed/demo-data/scales.ts); use --scale region.`);
  }
  log("Demo seed");
  const demo = await seedDemo({ db: options.db, log });
  const regions = [];
  const skipped = [];
  if (scale !== "demo") {
    const params = SCALES[scale];
    const random = createRandom(seed);
    // Each region draws from its own stream, named by the region: the same seed and name give the same region.
    for (let index = 1; index <= params.regions; index++) {
      const region = generatedRegion(index);
      if (await options.db.region.findUnique({ where: { code: region.code } })) {
        log(`Region ${region.code} «${region.name}» is already there: skipped`);
        skipped.push(region.code);
        continue;
      }
      regions.push(await generateRegion({ region, random, scale: params, log }));
    }
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log(`demo-data --scale ${scale}: done in ${seconds} s`);
  return { scale, seed, demo, regions, skipped, seconds };
}
