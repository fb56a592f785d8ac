import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureOrganization, ensureRegion, ensureUser } from "@/lib/server/seed/factories";
import type { Role } from "@/lib/roles";
import { scopeOf } from "./scope";

/**
 * Two small tenants side by side, built from the seed factories: region A with
 * municipalities A1, A2 and schools, region B with one municipality and school.
 */
export async function buildTwoTenants(tag = Math.random().toString(36).slice(2, 7)) {
  const d = db();
  const regionA = await ensureRegion(d, { code: `A${tag}`.slice(0, 3), name: `Регион A ${tag}` });
  const regionB = await ensureRegion(d, { code: `B${tag}`.slice(0, 3), name: `Регион B ${tag}` });
  const a1 = await ensureMunicipality(d, { regionId: regionA.id, name: "Муниципалитет A1" });
  const a2 = await ensureMunicipality(d, { regionId: regionA.id, name: "Муниципалитет A2" });
  const b1 = await ensureMunicipality(d, { regionId: regionB.id, name: "Муниципалитет B1" });
  const school = (regionId: string, municipalityId: string, name: string) =>
    ensureOrganization(d, { regionId, municipalityId, kind: "SCHOOL", name });
  const a1s1 = await school(regionA.id, a1.id, "Школа A1-1");
  const a1s2 = await school(regionA.id, a1.id, "Школа A1-2");
  const a2s1 = await school(regionA.id, a2.id, "Школа A2-1");
  const b1s1 = await school(regionB.id, b1.id, "Школа B1-1");
  const centreA = await ensureOrganization(d, {
    regionId: regionA.id,
    municipalityId: null,
    kind: "REGIONAL_CENTER",
    name: "Региональный центр A",
  });
  return { regionA, regionB, a1, a2, b1, a1s1, a1s2, a2s1, b1s1, centreA };
}

/** A stored user with one membership, and the scope the session would give them. */
export async function userWithRole(
  email: string,
  role: Role,
  ids: { regionId: string; municipalityId?: string | null; organizationId?: string | null },
  password = "test-password-123",
) {
  const user = await ensureUser(db(), { email, name: email, password, memberships: [{ role, ...ids }] });
  return { user, scope: scopeOf(user.id, [{ role, ...ids }]) };
}
