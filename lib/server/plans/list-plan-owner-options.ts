import "server-only";
import { coordinatedMunicipalityIds, coordinatedOrganizationIds, staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REGION_ADMINS } from "@/lib/roles";

export interface PlanOwnerOption {
  /** "region:<id>", "municipality:<id>" or "organization:<id>", as ZPlanCreate's owner. */
  value: string;
  label: string;
}

/**
 * Whose plans the caller may create, as resolvePlanOwner accepts them: a region
 * admin their region and its municipalities; a municipal coordinator their
 * municipality; a school coordinator their school. Schools are not offered to
 * admins (a region has too many; their plans are the schools' own).
 */
export async function listPlanOwnerOptions(options: { scope: Scope }): Promise<PlanOwnerOption[]> {
  const adminRegions = staffRegionIds(options.scope, REGION_ADMINS);
  const municipalityIds = coordinatedMunicipalityIds(options.scope);
  const organizationIds = coordinatedOrganizationIds(options.scope);
  const [regions, municipalities, organizations] = await Promise.all([
    adminRegions.length
      ? db().region.findMany({ where: { id: { in: adminRegions } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : [],
    adminRegions.length || municipalityIds.length
      ? db().municipality.findMany({
          where: { OR: [{ regionId: { in: adminRegions } }, { id: { in: municipalityIds } }] },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [],
    organizationIds.length
      ? db().organization.findMany({
          where: { id: { in: organizationIds } },
          orderBy: { name: "asc" },
          select: { id: true, name: true, municipality: { select: { name: true } } },
        })
      : [],
  ]);
  return [
    ...regions.map((r) => ({ value: `region:${r.id}`, label: `${r.name} (региональный план)` })),
    ...municipalities.map((m) => ({ value: `municipality:${m.id}`, label: m.name })),
    ...organizations.map((o) => ({ value: `organization:${o.id}`, label: o.municipality ? `${o.municipality.name}: ${o.name}` : o.name })),
  ];
}
