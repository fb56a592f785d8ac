import "server-only";
import { SUPERVISORS } from "@/lib/roles";

import { pickCampaigns } from "@/lib/domain/dashboard/dynamics";
import type { DynamicsCampaign, DynamicsRows } from "@/lib/domain/dashboard/municipality-dynamics";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { municipalityWhere, narrowScope, type Scope } from "@/lib/scope";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { replicaDb } from "@/lib/server/db/replica";

/**
 * A municipality's blanks of one template in two campaigns, over what the caller
 * sees: by default the latest two campaigns in which it took part with that
 * template (the first of its templates unless one is chosen); `from`/`to` choose
 * others. A municipality, template or campaign out of reach is "not found".
 */
export async function queryMunicipalityDynamics(options: {
  scope: Scope;
  municipalityId: string;
  templateId?: string;
  fromCampaignId?: string;
  toCampaignId?: string;
}): Promise<DynamicsRows> {
  const scope = narrowScope(options.scope, SUPERVISORS);
  const municipality = await replicaDb().municipality.findFirst({
    where: { AND: [{ id: options.municipalityId }, municipalityWhere(scope)] },
    select: { id: true, name: true, regionId: true },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");
  const own: Prisma.BlankWhereInput = {
    AND: [{ regionId: municipality.regionId, municipalityId: municipality.id }, blankWhere(scope)],
  };

  const templates = await replicaDb().template.findMany({
    where: { regionId: municipality.regionId, versions: { some: { blanks: { some: own } } } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true, level: true },
  });
  const template = options.templateId ? templates.find((t) => t.id === options.templateId) : templates[0];
  if (options.templateId && !template) throw notFound("Шаблон не найден.");
  const base = { municipality: { id: municipality.id, name: municipality.name }, templates };
  if (!template) return { ...base, template: null };

  const participation: Prisma.BlankWhereInput = { AND: [own, { templateVersion: { templateId: template.id } }] };
  const campaigns: DynamicsCampaign[] = (
    await replicaDb().campaign.findMany({
      where: { regionId: municipality.regionId, blanks: { some: participation } },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      select: { id: true, name: true, date: true, createdAt: true },
    })
  ).map((c) => ({ ...c, date: c.date.toISOString().slice(0, 10) }));
  const pick = pickCampaigns(campaigns, { from: options.fromCampaignId, to: options.toCampaignId });
  const blanks = pick.reason
    ? []
    : await replicaDb().blank.findMany({
        where: { AND: [participation, { campaignId: { in: [pick.earlier.id, pick.later.id] } }] },
        orderBy: [{ organization: { name: "asc" } }],
        select: {
          campaignId: true,
          subjectId: true,
          status: true,
          score: true,
          grade: true,
          organization: { select: { name: true } },
          findings: { select: { itemKey: true, itemNumber: true, itemTitle: true, status: true } },
        },
      });
  return { ...base, template, campaigns, pick, blanks };
}
