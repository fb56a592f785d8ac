import { describe, expect, it } from "vitest";
import {
  canSeeMunicipality,
  canSeeOrganization,
  canSeeRegion,
  hasAnyRole,
  homePathFor,
  municipalityWhere,
  narrowScope,
  organizationWhere,
  scopeIdOf,
  staffRegionIds,
  userWhere,
  tenantWhere,
  anyOf,
  where,
} from "@/lib/scope";
import { scopeOf } from "../support/scope";

const R23 = "region-23";
const R42 = "region-42";
const SLAV = { id: "mun-slav", regionId: R23 };
const BELO = { id: "mun-belo", regionId: R23 };
const KALTAN = { id: "mun-kaltan", regionId: R42 };
const school = (id: string, m: { id: string; regionId: string }) => ({ id, regionId: m.regionId, municipalityId: m.id });
const SLAV_1 = school("school-slav-1", SLAV);
const SLAV_2 = school("school-slav-2", SLAV);
const BELO_1 = school("school-belo-1", BELO);
const KALTAN_1 = school("school-kaltan-1", KALTAN);
const IRO = { id: "iro", regionId: R23, municipalityId: null };

const admin23 = scopeOf("u1", [{ role: "REGION_ADMIN", regionId: R23 }]);
const auditor23 = scopeOf("u2", [{ role: "REGION_AUDITOR", regionId: R23 }]);
const moSlav = scopeOf("u3", [{ role: "MUNICIPAL_COORDINATOR", regionId: R23, municipalityId: SLAV.id }]);
const schoolSlav = scopeOf("u4", [{ role: "SCHOOL_COORDINATOR", regionId: R23, municipalityId: SLAV.id, organizationId: SLAV_1.id }]);
const admin42 = scopeOf("u5", [{ role: "REGION_ADMIN", regionId: R42 }]);
const nobody = scopeOf("u6", []);

describe("who sees what", () => {
  it("region staff see their region, its municipalities and organisations, nothing of another region", () => {
    for (const staff of [admin23, auditor23]) {
      expect(canSeeRegion(staff, R23)).toBe(true);
      expect(canSeeRegion(staff, R42)).toBe(false);
      expect(canSeeMunicipality(staff, BELO)).toBe(true);
      expect(canSeeMunicipality(staff, KALTAN)).toBe(false);
      expect(canSeeOrganization(staff, IRO)).toBe(true);
      expect(canSeeOrganization(staff, KALTAN_1)).toBe(false);
    }
    expect(canSeeMunicipality(admin42, KALTAN)).toBe(true);
    expect(canSeeMunicipality(admin42, SLAV)).toBe(false);
  });

  it("a municipal coordinator sees their municipality and its schools only", () => {
    expect(canSeeRegion(moSlav, R23)).toBe(false);
    expect(canSeeMunicipality(moSlav, SLAV)).toBe(true);
    expect(canSeeMunicipality(moSlav, BELO)).toBe(false);
    expect(canSeeOrganization(moSlav, SLAV_2)).toBe(true);
    expect(canSeeOrganization(moSlav, BELO_1)).toBe(false);
    expect(canSeeOrganization(moSlav, IRO)).toBe(false);
  });

  it("a school coordinator sees their school only", () => {
    expect(canSeeOrganization(schoolSlav, SLAV_1)).toBe(true);
    expect(canSeeOrganization(schoolSlav, SLAV_2)).toBe(false);
    expect(canSeeMunicipality(schoolSlav, SLAV)).toBe(false);
  });

  it("query filters say the same as the predicates", () => {
    expect(municipalityWhere(admin23)).toEqual({ OR: [{ regionId: { in: [R23] } }] });
    expect(municipalityWhere(moSlav)).toEqual({ OR: [{ id: { in: [SLAV.id] } }] });
    expect(organizationWhere(moSlav)).toEqual({ OR: [{ municipalityId: { in: [SLAV.id] } }] });
    expect(organizationWhere(schoolSlav)).toEqual({ OR: [{ id: { in: [SLAV_1.id] } }] });
  });

  it("a scope without rights matches nothing rather than everything", () => {
    for (const where of [
      municipalityWhere(nobody),
      organizationWhere(nobody),
      userWhere(auditor23),
      userWhere(nobody),
      tenantWhere(nobody),
    ]) {
      expect(where).toEqual({ id: { in: [] } });
    }
  });

  it("one tenant filter: each level through its own column, a level left out grants nothing, several roles add up", () => {
    expect(tenantWhere(admin23)).toEqual({ OR: [{ regionId: { in: [R23] } }] });
    expect(tenantWhere(moSlav)).toEqual({ OR: [{ municipalityId: { in: [SLAV.id] } }] });
    expect(tenantWhere(schoolSlav)).toEqual({ OR: [{ organizationId: { in: [SLAV_1.id] } }] });
    expect(tenantWhere(moSlav, { region: "regionId" })).toEqual({ id: { in: [] } });
    const both = scopeOf("u8", [...moSlav.memberships, ...admin42.memberships]);
    expect(tenantWhere(both)).toEqual({ OR: [{ regionId: { in: [R42] } }, { municipalityId: { in: [SLAV.id] } }] });
    expect(anyOf([...where([], (ids) => ({ id: { in: ids } }))])).toEqual({ id: { in: [] } });
    expect(where(["a"], (ids) => ({ x: ids }))).toEqual([{ x: ["a"] }]);
  });
});

describe("roles", () => {
  const both = scopeOf("u7", [
    { role: "REGION_AUDITOR", regionId: R23 },
    { role: "SCHOOL_COORDINATOR", regionId: R42, municipalityId: KALTAN.id, organizationId: KALTAN_1.id },
  ]);

  it("narrowing to a route's roles drops the rights of the other memberships", () => {
    const asCoordinator = narrowScope(both, ["SCHOOL_COORDINATOR"]);
    expect(canSeeMunicipality(asCoordinator, BELO)).toBe(false);
    expect(canSeeOrganization(asCoordinator, KALTAN_1)).toBe(true);
    expect(hasAnyRole(asCoordinator, ["REGION_AUDITOR"])).toBe(false);
    expect(staffRegionIds(narrowScope(both, ["REGION_ADMIN"]))).toEqual([]);
  });

  it("each role has its own home", () => {
    expect(homePathFor("REGION_ADMIN")).toBe("/region");
    expect(homePathFor("REGION_AUDITOR")).toBe("/region");
    expect(homePathFor("MUNICIPAL_COORDINATOR")).toBe("/municipality");
    expect(homePathFor("SCHOOL_COORDINATOR")).toBe("/school");
  });

  it("a membership is unique by its narrowest scope", () => {
    expect(scopeIdOf({ role: "REGION_ADMIN", regionId: R23 })).toBe(R23);
    expect(scopeIdOf({ role: "MUNICIPAL_COORDINATOR", regionId: R23, municipalityId: SLAV.id })).toBe(SLAV.id);
    expect(scopeIdOf({ role: "SCHOOL_COORDINATOR", regionId: R23, municipalityId: SLAV.id, organizationId: SLAV_1.id })).toBe(SLAV_1.id);
  });
});
