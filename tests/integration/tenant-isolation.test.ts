import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/scope";
import { getMunicipality } from "@/lib/server/directory/get-municipality";
import { getOrganization } from "@/lib/server/directory/get-organization";
import { listMembershipTargets } from "@/lib/server/directory/list-membership-targets";
import { db } from "@/lib/server/db/client";
import { getUser } from "@/lib/server/users/get-user";
import { revokeMembership } from "@/lib/server/users/revoke-membership";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { refusal } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import { createUser, grantMembership, listMunicipalities, listUsers } from "../support/operations";

useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
const roles: Record<string, Scope> = {};
let foreignUserId: string;
let foreignMembershipId: string;

beforeAll(async () => {
  t = await buildTwoTenants("iso");
  roles.adminA = (await userWithRole("admin@a.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  roles.auditorA = (await userWithRole("auditor@a.test", "REGION_AUDITOR", { regionId: t.regionA.id })).scope;
  roles.moA1 = (await userWithRole("mo@a1.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id })).scope;
  roles.schoolA1 = (
    await userWithRole("school@a1.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
  const adminB = await userWithRole("admin@b.test", "REGION_ADMIN", { regionId: t.regionB.id });
  roles.adminB = adminB.scope;
  foreignUserId = adminB.user.id;
  foreignMembershipId = (await db().membership.findFirstOrThrow({ where: { userId: adminB.user.id } })).id;
});

async function expectNotFound(call: () => Promise<unknown>) {
  expect((await refusal(call)).code).toBe("NOT_FOUND");
}

describe("every role against the other tenants' ids", () => {
  it("region staff cannot open another region's municipality or school", async () => {
    for (const scope of [roles.adminA!, roles.auditorA!]) {
      await expectNotFound(() => getMunicipality({ scope, id: t.b1.id }));
      await expectNotFound(() => getOrganization({ scope, id: t.b1s1.id }));
      expect((await getMunicipality({ scope, id: t.a2.id })).name).toBe("Муниципалитет A2");
    }
    await expectNotFound(() => getMunicipality({ scope: roles.adminB!, id: t.a1.id }));
    await expectNotFound(() => getOrganization({ scope: roles.adminB!, id: t.centreA.id }));
  });

  it("a municipal coordinator cannot open another municipality nor its schools", async () => {
    const scope = roles.moA1!;
    await expectNotFound(() => getMunicipality({ scope, id: t.a2.id }));
    await expectNotFound(() => getMunicipality({ scope, id: t.b1.id }));
    await expectNotFound(() => getOrganization({ scope, id: t.a2s1.id }));
    await expectNotFound(() => getOrganization({ scope, id: t.centreA.id }));
    const own = await getMunicipality({ scope, id: t.a1.id });
    expect(own.organizations.map((o) => o.name).sort()).toEqual(["Школа A1-1", "Школа A1-2"]);
  });

  it("a school coordinator cannot open another school, even in the same municipality", async () => {
    const scope = roles.schoolA1!;
    await expectNotFound(() => getOrganization({ scope, id: t.a1s2.id }));
    await expectNotFound(() => getOrganization({ scope, id: t.b1s1.id }));
    await expectNotFound(() => getMunicipality({ scope, id: t.a1.id }));
    expect((await getOrganization({ scope, id: t.a1s1.id })).name).toBe("Школа A1-1");
  });

  it("lists hold only the caller's own tenant", async () => {
    const names = async (scope: Scope) => (await listMunicipalities({ scope, query: { pageSize: 100 } })).rows.map((r) => r.name).sort();
    expect(await names(roles.adminA!)).toEqual(["Муниципалитет A1", "Муниципалитет A2"]);
    expect(await names(roles.moA1!)).toEqual(["Муниципалитет A1"]);
    expect(await names(roles.adminB!)).toEqual(["Муниципалитет B1"]);
    expect(await names(roles.schoolA1!)).toEqual([]);
  });

  it("a region admin sees and manages only the users of their region", async () => {
    const emails = (await listUsers({ scope: roles.adminA!, query: { pageSize: 100 } })).rows.map((r) => r.email);
    expect(emails).toContain("mo@a1.test");
    expect(emails).not.toContain("admin@b.test");
    await expectNotFound(() => getUser({ scope: roles.adminA!, id: foreignUserId }));
    await expectNotFound(() =>
      grantMembership({ scope: roles.adminA!, userId: foreignUserId, grant: { role: "REGION_AUDITOR", scopeId: t.regionA.id } }),
    );
    await expectNotFound(() => revokeMembership({ scope: roles.adminA!, membershipId: foreignMembershipId }));
    expect(await db().membership.count({ where: { id: foreignMembershipId } })).toBe(1);
  });

  it("a region admin cannot give roles in another region", async () => {
    for (const grant of [
      { role: "REGION_ADMIN", scopeId: t.regionB.id },
      { role: "MUNICIPAL_COORDINATOR", scopeId: t.b1.id },
      { role: "SCHOOL_COORDINATOR", scopeId: t.b1s1.id },
    ]) {
      await expectNotFound(() =>
        createUser({
          scope: roles.adminA!,
          input: { email: `x${grant.role}@a.test`, name: "Новый пользователь", password: "long-enough-1", memberships: [grant] },
        }),
      );
    }
    expect(await db().user.count({ where: { email: { startsWith: "x" } } })).toBe(0);
  });

  it("the role pickers offer only the admin's own region", async () => {
    const targets = await listMembershipTargets({ scope: roles.adminA! });
    expect(targets.regions.map((r) => r.id)).toEqual([t.regionA.id]);
    expect(targets.municipalities.map((m) => m.id)).not.toContain(t.b1.id);
    expect(targets.schools.map((s) => s.id)).not.toContain(t.b1s1.id);
  });

  it("auditors and coordinators have no admin rights over users", async () => {
    for (const scope of [roles.auditorA!, roles.moA1!, roles.schoolA1!]) {
      expect((await listUsers({ scope, query: {} })).total).toBe(0);
      await expectNotFound(() =>
        createUser({
          scope,
          input: {
            email: "y@a.test",
            name: "Новый пользователь",
            password: "long-enough-1",
            memberships: [{ role: "REGION_AUDITOR", scopeId: t.regionA.id }],
          },
        }),
      );
    }
  });
});
