import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import type { TCampaignFromPrevious } from "@/lib/schemas/campaign";
import { answerableItems } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { parseContent } from "@/lib/server/templates/get-template-version";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";

/**
 * A new campaign from a previous one: the same participants, each template in the
 * same version or its newest published successor, and the last answers carried over
 * as drafts the participant must confirm (items that no longer exist or changed
 * their kind are left empty).
 */
export async function startCampaignFromPrevious(options: { scope: Scope; input: TCampaignFromPrevious }) {
  const { input } = options;
  const regions = staffRegionIds(options.scope, CAMPAIGN_MANAGERS);
  const previous = await db().campaign.findFirst({
    where: { id: input.previousCampaignId, regionId: { in: regions } },
    include: {
      templates: { include: { templateVersion: { select: { id: true, templateId: true } } } },
      blanks: { include: { answers: { select: { itemKey: true, value: true } } } },
    },
  });
  if (!previous) throw notFound("Кампания не найдена.");

  const versionFor = new Map<string, string>();
  for (const { templateVersion } of previous.templates) {
    const successor = input.useSuccessor
      ? await db().templateVersion.findFirst({
          where: { templateId: templateVersion.templateId, status: "PUBLISHED" },
          orderBy: { version: "desc" },
          select: { id: true },
        })
      : null;
    versionFor.set(templateVersion.id, successor?.id ?? templateVersion.id);
  }
  const contents = new Map(
    (await db().templateVersion.findMany({ where: { id: { in: [...versionFor.values()] } } })).map((v) => [
      v.id,
      new Map(answerableItems(parseContent(v.content)).map((item) => [item.key, item.kind])),
    ]),
  );

  return db().$transaction(
    async (tx) => {
      const campaign = await tx.campaign.create({
        data: {
          regionId: previous.regionId,
          name: input.name,
          goal: previous.goal,
          tasks: previous.tasks,
          date: new Date(input.date),
          deadline: new Date(input.deadline),
          previousCampaignId: previous.id,
          createdById: options.scope.userId,
          templates: { create: [...new Set(versionFor.values())].map((templateVersionId) => ({ templateVersionId })) },
        },
      });
      for (const old of previous.blanks) {
        const templateVersionId = versionFor.get(old.templateVersionId);
        if (!templateVersionId) throw new AppError("CONFLICT", "Шаблон прошлой кампании недоступен.");
        const kinds = contents.get(templateVersionId) ?? new Map();
        const carried = old.answers.filter((a) => a.value !== null && kinds.get(a.itemKey) === (a.value as { kind?: string }).kind);
        await tx.blank.create({
          data: {
            regionId: previous.regionId,
            campaignId: campaign.id,
            templateVersionId,
            municipalityId: old.municipalityId,
            organizationId: old.organizationId,
            subjectId: old.subjectId,
            status: carried.length ? "IN_PROGRESS" : "NOT_STARTED",
            answers: {
              create: carried.map((a) => ({ itemKey: a.itemKey, value: asJson(a.value), carriedOver: true })),
            },
          },
        });
      }
      return campaign;
    },
    { timeout: 120_000 },
  );
}
