import type { Scope } from "@/lib/scope";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { answerableItems } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { ensurePublishedTemplate } from "@/lib/server/seed/factories";
import { buildTwoTenants, userWithRole } from "./directory";
import { createCampaign } from "./operations";

/** Two tenants, the seed blanks published in region A, its staff and coordinators, and a campaign over A1, A2 and school A1-1. */
export async function buildCampaignWorld(tag: string) {
  const t = await buildTwoTenants(tag);
  const municipal = await ensurePublishedTemplate(db(), { regionId: t.regionA.id, document: MUNICIPAL_BLANK });
  const school = await ensurePublishedTemplate(db(), { regionId: t.regionA.id, document: SCHOOL_BLANK });
  const auditor = await userWithRole(`auditor-${tag}@a.test`, "REGION_AUDITOR", { regionId: t.regionA.id });
  const moA1 = await userWithRole(`mo-${tag}@a1.test`, "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id });
  const moA2 = await userWithRole(`mo-${tag}@a2.test`, "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a2.id });
  const schoolA1 = await userWithRole(`school-${tag}@a1.test`, "SCHOOL_COORDINATOR", {
    regionId: t.regionA.id,
    municipalityId: t.a1.id,
    organizationId: t.a1s1.id,
  });
  const adminB = await userWithRole(`admin-${tag}@b.test`, "REGION_ADMIN", { regionId: t.regionB.id });
  const campaign = await createCampaign({
    scope: auditor.scope,
    input: {
      name: "Методический аудит МЦДО 2022",
      goal: "изучение процесса организации образовательной деятельности",
      tasks: ["выявление имеющихся проблем"],
      date: "2022-12-06",
      deadline: "2022-11-25",
      templateVersionIds: [municipal.version.id, school.version.id],
      municipalityIds: [t.a1.id, t.a2.id],
      schoolIds: [t.a1s1.id],
    },
  });
  const blankOf = async (subjectId: string) => db().blank.findFirstOrThrow({ where: { campaignId: campaign.id, subjectId } });
  const items = {
    municipal: answerableItems(MUNICIPAL_BLANK.content),
    school: answerableItems(SCHOOL_BLANK.content),
  };
  const item = (level: "municipal" | "school", number: string, nth = 0) => items[level].filter((i) => i.number === number)[nth]!;
  return { t, municipal, school, auditor, moA1, moA2, schoolA1, adminB, campaign, blankOf, items, item };
}

export type CampaignWorld = Awaited<ReturnType<typeof buildCampaignWorld>>;
export type Actor = { scope: Scope };
