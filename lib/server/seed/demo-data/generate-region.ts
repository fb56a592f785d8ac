import "server-only";
import { schoolYearOf } from "@/lib/records/official-measures";
import type { Random } from "@/lib/seed-data/random";
import { db } from "@/lib/server/db/client";
import { generateCampaign } from "./campaign";
import { generateDirectory } from "./directory";
import { generatePlans } from "./plans";
import { GENERATED_CAMPAIGN, type DemoScale } from "./scales";
import { generateStudents } from "./students";

/**
 * One generated region, whole or not at all (a single transaction): directory,
 * ДОТ records, the campaign with its scored blanks, and the municipalities' roadmaps.
 */
export async function generateRegion(input: { region: { code: string; name: string }; random: Random; scale: DemoScale; log: (line: string) => void }) {
  const { region, scale, log } = input;
  const schoolYear = schoolYearOf(GENERATED_CAMPAIGN.date);
  return db().$transaction(
    async (tx) => {
      const ctx = { tx, random: input.random.fork(region.name), scale, log };
      log(`Region ${region.code} «${region.name}»: directory`);
      const directory = await generateDirectory(ctx, region);
      log(`Region ${region.code}: ДОТ records for ${schoolYear}`);
      const tallies = await generateStudents(ctx, directory, schoolYear);
      log(`Region ${region.code}: campaign`);
      const campaign = await generateCampaign(ctx, directory, tallies);
      log(`Region ${region.code}: roadmaps`);
      const plans = await generatePlans(ctx, directory, schoolYear, GENERATED_CAMPAIGN.acceptedAt.slice(0, 10));
      return {
        code: region.code,
        name: region.name,
        municipalities: directory.municipalities.length,
        schools: directory.schools.length,
        dotStudents: scale.dotStudents,
        ...campaign,
        ...plans,
      };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
