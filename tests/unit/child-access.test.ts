import { describe, expect, it } from "vitest";
import { childAccess, readsChildData, recordReadWhere, recordWriteWhere } from "@/lib/domain/privacy/child-access";
import { scopeOf } from "../support/scope";

/** The one rule for children's data (README «Children's data», its table), role by role and relation by relation. */

const R23 = "region-23";
const R42 = "region-42";
const SLAV = "mun-slav";
const BELO = "mun-belo";
const SCHOOL = { regionId: R23, municipalityId: SLAV, organizationId: "school-slav-1" };
const MUNICIPAL = { regionId: R23, municipalityId: SLAV, organizationId: null };

const schoolCoordinator = scopeOf("u1", [
  { role: "SCHOOL_COORDINATOR", regionId: R23, municipalityId: SLAV, organizationId: "school-slav-1" },
]);
const otherSchool = scopeOf("u2", [{ role: "SCHOOL_COORDINATOR", regionId: R23, municipalityId: SLAV, organizationId: "school-slav-2" }]);
const auditor = scopeOf("u3", [{ role: "REGION_AUDITOR", regionId: R23 }]);
const admin = scopeOf("u4", [{ role: "REGION_ADMIN", regionId: R23 }]);
const moSlav = scopeOf("u5", [{ role: "MUNICIPAL_COORDINATOR", regionId: R23, municipalityId: SLAV }]);
const moBelo = scopeOf("u6", [{ role: "MUNICIPAL_COORDINATOR", regionId: R23, municipalityId: BELO }]);
const foreignAuditor = scopeOf("u7", [{ role: "REGION_AUDITOR", regionId: R42 }]);
const nobody = scopeOf("u8", []);

describe("who may do what with a child's data", () => {
  it.each([
    ["the school's coordinator", schoolCoordinator, "WRITE"],
    ["the region's auditor", auditor, "READ_LOGGED"],
    ["the region's admin", admin, "COUNTS"],
    ["the municipality's coordinator", moSlav, "COUNTS"],
    ["another school's coordinator", otherSchool, "NONE"],
    ["another municipality's coordinator", moBelo, "NONE"],
    ["another region's auditor", foreignAuditor, "NONE"],
    ["a user without roles", nobody, "NONE"],
  ] as const)("held by a school: %s — %s", (_, scope, access) => {
    expect(childAccess(scope, SCHOOL)).toBe(access);
    expect(readsChildData(childAccess(scope, SCHOOL))).toBe(access === "WRITE" || access === "READ_LOGGED");
  });

  it("held by a municipality (a document of its own naming a child): its coordinator writes, the auditor reads, the admin counts", () => {
    expect(childAccess(moSlav, MUNICIPAL)).toBe("WRITE");
    expect(childAccess(auditor, MUNICIPAL)).toBe("READ_LOGGED");
    expect(childAccess(admin, MUNICIPAL)).toBe("COUNTS");
    expect(childAccess(schoolCoordinator, MUNICIPAL)).toBe("NONE");
  });

  it("one user with two roles gets the wider of them for each holder", () => {
    const both = scopeOf("u9", [
      { role: "SCHOOL_COORDINATOR", regionId: R23, municipalityId: SLAV, organizationId: "school-slav-1" },
      { role: "REGION_AUDITOR", regionId: R23 },
    ]);
    expect(childAccess(both, SCHOOL)).toBe("WRITE");
    expect(childAccess(both, { ...SCHOOL, organizationId: "school-slav-2" })).toBe("READ_LOGGED");
  });

  it("says the same in the database's filters, and a scope without rights matches nothing", () => {
    expect(recordReadWhere(schoolCoordinator)).toEqual({ OR: [{ organizationId: { in: ["school-slav-1"] } }] });
    expect(recordReadWhere(auditor)).toEqual({ OR: [{ regionId: { in: [R23] } }] });
    for (const scope of [admin, moSlav, nobody]) expect(recordReadWhere(scope)).toEqual({ id: { in: [] } });
    expect(recordWriteWhere(auditor)).toEqual({ id: { in: [] } });
    expect(recordWriteWhere(schoolCoordinator)).toEqual({ OR: [{ organizationId: { in: ["school-slav-1"] } }] });
  });
});
