import "server-only";
import { AppError } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import type { TCampaignCreate } from "@/lib/schemas/campaign";
import { db } from "@/lib/server/db/client";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";

/**
 * A region's admin or auditor opens a campaign: published templates of the region,
 * and its participants — municipalities fill the municipal blank, schools the school
 * blank. One blank per participant and template, created with the campaign.
 */
export async function createCampaign(options: { scope: Scope; input: TCampaignCreate; regionId?: string }) {
  const { input } = options;
  const regions = staffRegionIds(options.scope, CAMPAIGN_MANAGERS);
  const regionId = options.regionId ?? regions[0];
  if (!regionId || !regions.includes(regionId)) throw new AppError("NOT_FOUND", "Регион не найден.");

  const versions = await db().templateVersion.findMany({
    where: { id: { in: input.templateVersionIds }, status: "PUBLISHED", template: { regionId } },
    include: { template: { select: { level: true } } },
  });
  if (versions.length !== new Set(input.templateVersionIds).size) {
    throw new AppError("VALIDATION", "Выберите опубликованные бланки своего региона.", {
      templateVersionIds: ["Выберите опубликованные бланки своего региона."],
    });
  }
  const municipalities = await db().municipality.findMany({
    where: { id: { in: input.municipalityIds }, regionId },
    select: { id: true },
  });
  const schools = await db().organization.findMany({
    where: { id: { in: input.schoolIds }, regionId, kind: "SCHOOL", municipalityId: { not: null } },
    select: { id: true, municipalityId: true },
  });
  if (municipalities.length !== new Set(input.municipalityIds).size || schools.length !== new Set(input.schoolIds).size) {
    throw new AppError("VALIDATION", "Участниками могут быть только муниципалитеты и школы своего региона.", {
      municipalityIds: ["Выберите участников из списка."],
    });
  }

  type NewBlank = { templateVersionId: string; municipalityId: string; organizationId: string | null; subjectId: string };
  const blanks = versions.flatMap((version): NewBlank[] =>
    version.template.level === "MUNICIPAL"
      ? municipalities.map((m) => ({ templateVersionId: version.id, municipalityId: m.id, organizationId: null, subjectId: m.id }))
      : schools.map((s) => ({
          templateVersionId: version.id,
          municipalityId: s.municipalityId as string,
          organizationId: s.id,
          subjectId: s.id,
        })),
  );
  if (blanks.length === 0) {
    throw new AppError("VALIDATION", "Ни одному участнику не подходит ни один выбранный бланк.", {
      municipalityIds: ["Для муниципального бланка выберите муниципалитеты, для школьного — школы."],
    });
  }

  return db().$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        regionId,
        name: input.name,
        goal: input.goal,
        tasks: input.tasks,
        date: new Date(input.date),
        deadline: new Date(input.deadline),
        createdById: options.scope.userId,
        templates: { create: versions.map((v) => ({ templateVersionId: v.id })) },
      },
    });
    await tx.blank.createMany({ data: blanks.map((b) => ({ ...b, regionId, campaignId: campaign.id })) });
    return campaign;
  });
}
