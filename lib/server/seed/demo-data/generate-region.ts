import "server-only";
import { schoolYearOf } from "@/lib/domain/records/official-measures";
import type { Random } from "@/lib/seed-data/random";
import { db } from "@/lib/server/db/client";
import { generateCampaign, prepareTemplates } from "./campaign";
import { generateDirectory } from "./directory";
import { generatePlans } from "./plans";
import { campaignDates, GENERATED_CAMPAIGN, type RegionScale } from "./scales";
import { generateStudents } from "./students";
import { generateUsers } from "./users";

/**
 * One generated region, whole or not at all (a single transaction): directory,
 * ДОТ records, its campaigns (one a year, the latest in GENERATED_CAMPAIGN's
 * year, each linked to the year before) with their scored blanks, a roadmap per
 * municipality for each campaign's school year, and the region's accounts.
 * `log` gets the steps and table counts; the caller reports the region as a whole.
 */
export async function generateRegion(input: {
  region: { code: string; name: string };
  random: Random;
  scale: RegionScale;
  log: (line: string) => void;
}) {
  const { region, scale, log } = input;
  const latestSchoolYear = schoolYearOf(GENERATED_CAMPAIGN.date);
  const heldBefore = GENERATED_CAMPAIGN.acceptedAt.slice(0, 10);
  return db().$transaction(
    async (tx) => {
      const ctx = { tx, random: input.random.fork(region.name), scale, log };
      log(`Region ${region.code} «${region.name}»: directory`);
      const directory = await generateDirectory(ctx, region);
      log(`Region ${region.code}: ДОТ records for ${latestSchoolYear}`);
      const tallies = await generateStudents(ctx, directory, latestSchoolYear);
      const templates = await prepareTemplates(ctx, directory.regionId);

      // Oldest first, so each campaign can name the one before. The latest keeps the streams
      // named "campaign" and "plans", so a one-campaign scale gives the same data as before.
      const campaigns: Awaited<ReturnType<typeof generateCampaign>>[] = [];
      let plans = 0;
      let events = 0;
      let previousCampaignId: string | null = null;
      for (let yearsBefore = scale.campaigns - 1; yearsBefore >= 0; yearsBefore--) {
        const dates = campaignDates(yearsBefore);
        const schoolYear = schoolYearOf(dates.date);
        const latest = yearsBefore === 0;
        log(`Region ${region.code}: campaign ${dates.date.slice(0, 4)}`);
        const campaign = await generateCampaign(ctx, directory, templates, {
          dates,
          previousCampaignId,
          tallies: latest ? tallies : undefined,
          stream: latest ? "campaign" : `campaign ${dates.date.slice(0, 4)}`,
        });
        campaigns.push(campaign);
        previousCampaignId = campaign.campaignId;
        log(`Region ${region.code}: roadmaps for ${schoolYear}`);
        const generated = await generatePlans(ctx, directory, { schoolYear, heldBefore, stream: latest ? "plans" : `plans ${schoolYear}` });
        plans += generated.plans;
        events += generated.events;
      }
      log(`Region ${region.code}: accounts`);
      const users = await generateUsers(ctx, directory, region.code);
      const sum = (key: "blanks" | "accepted" | "answers" | "findings") => campaigns.reduce((s, c) => s + c[key], 0);
      return {
        code: region.code,
        name: region.name,
        municipalities: directory.municipalities.length,
        schools: directory.schools.length,
        dotStudents: scale.dotStudents,
        /** The latest campaign's id. */
        campaignId: campaigns.at(-1)!.campaignId,
        campaigns: campaigns.length,
        blanks: sum("blanks"),
        accepted: sum("accepted"),
        answers: sum("answers"),
        findings: sum("findings"),
        plans,
        events,
        users: users.users,
      };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
