import "server-only";
import { coordinatedMunicipalityIds, staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REGION_ADMINS } from "@/lib/roles";

/**
 * What the appointment form offers: the municipalities the caller sees (with
 * whether they may appoint its municipal coordinator and invite there) and the
 * schools they may appoint a school coordinator for.
 */
export async function listAssignmentTargets(options: { scope: Scope }) {
  const regions = staffRegionIds(options.scope);
  const admins = staffRegionIds(options.scope, REGION_ADMINS);
  const coordinated = coordinatedMunicipalityIds(options.scope);
  const [municipalities, schools] = await Promise.all([
    db().municipality.findMany({
      where: { OR: [{ regionId: { in: regions } }, { id: { in: coordinated } }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, regionId: true },
    }),
    db().organization.findMany({
      where: {
        kind: "SCHOOL",
        municipalityId: { not: null },
        OR: [{ regionId: { in: regions } }, { municipalityId: { in: coordinated } }],
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, municipalityId: true },
    }),
  ]);
  return {
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      canAppointMunicipal: regions.includes(m.regionId),
      canInvite: admins.includes(m.regionId),
    })),
    schools: schools.map((s) => ({ id: s.id, name: s.name, municipalityId: s.municipalityId as string })),
  };
}
export type AssignmentTargets = Awaited<ReturnType<typeof listAssignmentTargets>>;
