import "server-only";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";

/** What a new campaign can be made of: the region's published templates, municipalities and schools. */
export async function listCampaignOptions(options: { scope: Scope }) {
  const regionIds = staffRegionIds(options.scope, CAMPAIGN_MANAGERS);
  const [versions, municipalities, schools] = await Promise.all([
    db().templateVersion.findMany({
      where: { status: "PUBLISHED", template: { regionId: { in: regionIds } } },
      orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
      select: { id: true, version: true, template: { select: { name: true, level: true } } },
    }),
    db().municipality.findMany({ where: { regionId: { in: regionIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().organization.findMany({
      where: { regionId: { in: regionIds }, kind: "SCHOOL" },
      orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, isBaseSchool: true, municipalityId: true },
    }),
  ]);
  return {
    templates: versions.map((v) => ({ id: v.id, label: `${v.template.name}, версия ${v.version}`, level: v.template.level })),
    municipalities,
    schools: schools.map((s) => ({ id: s.id, name: s.name, isBaseSchool: s.isBaseSchool, municipalityId: s.municipalityId ?? "" })),
  };
}
export type CampaignOptions = Awaited<ReturnType<typeof listCampaignOptions>>;
