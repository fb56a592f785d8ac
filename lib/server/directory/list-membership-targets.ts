import "server-only";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { REGION_ADMINS } from "@/lib/roles";

/** The regions, municipalities and schools a region admin may give roles in. */
export async function listMembershipTargets(options: { scope: Scope }) {
  const regionIds = staffRegionIds(options.scope, REGION_ADMINS);
  const [regions, municipalities, schools] = await Promise.all([
    db().region.findMany({ where: { id: { in: regionIds } }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db().municipality.findMany({
      where: { regionId: { in: regionIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().organization.findMany({
      where: { regionId: { in: regionIds }, kind: "SCHOOL" },
      orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, municipality: { select: { name: true } } },
    }),
  ]);
  return {
    regions,
    municipalities,
    schools: schools.map((s) => ({ id: s.id, name: s.name, group: s.municipality?.name ?? "" })),
  };
}
export type MembershipTargets = Awaited<ReturnType<typeof listMembershipTargets>>;
