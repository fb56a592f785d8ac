import { beforeAll, describe, expect, it } from "vitest";
import { scopeIdOf, type MembershipInput, type Scope } from "@/lib/scope";
import { OWN_WORK_MESSAGE, SELF_GRANT_MESSAGE } from "@/lib/domain/separation-of-duties";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { revokeMembership } from "@/lib/server/users/revoke-membership";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { refusal } from "../support/refusals";
import { scopeOf } from "../support/scope";
import { useTestDatabase } from "../support/test-database";
import {
  createAssignment,
  createUser,
  grantMembership,
  markAnswer,
  returnBlank,
  saveBlankAnswers,
  submitBlank,
} from "../support/operations";

useTestDatabase();

let w: CampaignWorld;
let admin: Awaited<ReturnType<typeof userWithRole>>;
let otherAdmin: Scope;

beforeAll(async () => {
  w = await buildCampaignWorld("sod");
  admin = await userWithRole("admin@sod.test", "REGION_ADMIN", { regionId: w.t.regionA.id });
  otherAdmin = (await userWithRole("other-admin@sod.test", "REGION_ADMIN", { regionId: w.t.regionA.id })).scope;
});

/** The AppError a call was refused with. */
const rolesOf = async (userId: string) =>
  (await db().membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((m) => `${m.role}/${m.scopeId}`);

describe("nobody gives themselves a role", () => {
  it("a region admin cannot grant itself REGION_AUDITOR or SCHOOL_COORDINATOR; another admin can", async () => {
    const before = await rolesOf(admin.user.id);
    for (const grant of [
      { role: "REGION_AUDITOR", scopeId: w.t.regionA.id },
      { role: "SCHOOL_COORDINATOR", scopeId: w.t.a1s1.id },
    ]) {
      const error = await refusal(grantMembership({ scope: admin.scope, userId: admin.user.id, grant }));
      expect(error).toMatchObject({ code: "FORBIDDEN", message: SELF_GRANT_MESSAGE });
    }
    expect(await rolesOf(admin.user.id)).toEqual(before);

    await grantMembership({ scope: otherAdmin, userId: admin.user.id, grant: { role: "REGION_AUDITOR", scopeId: w.t.regionA.id } });
    await grantMembership({ scope: otherAdmin, userId: admin.user.id, grant: { role: "SCHOOL_COORDINATOR", scopeId: w.t.a1s1.id } });
    expect(await rolesOf(admin.user.id)).toEqual([...before, `REGION_AUDITOR/${w.t.regionA.id}`, `SCHOOL_COORDINATOR/${w.t.a1s1.id}`]);

    // Giving up a role of one's own is allowed; one's admin role is taken by another admin.
    const own = (role: "REGION_ADMIN" | "REGION_AUDITOR" | "SCHOOL_COORDINATOR") =>
      db().membership.findFirstOrThrow({ where: { userId: admin.user.id, role } });
    await revokeMembership({ scope: admin.scope, membershipId: (await own("REGION_AUDITOR")).id });
    expect(await refusal(revokeMembership({ scope: admin.scope, membershipId: (await own("REGION_ADMIN")).id }))).toMatchObject({
      code: "CONFLICT",
    });
    await revokeMembership({ scope: otherAdmin, membershipId: (await own("SCHOOL_COORDINATOR")).id });
    expect(await rolesOf(admin.user.id)).toEqual(before);
  });

  it("nor by creating a user with its own e-mail", async () => {
    const users = await db().user.count();
    const error = await refusal(
      createUser({
        scope: admin.scope,
        input: {
          email: "ADMIN@sod.test",
          name: "Я же",
          password: "long-enough-password",
          memberships: [{ role: "REGION_AUDITOR", scopeId: w.t.regionA.id }],
        },
      }),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", message: SELF_GRANT_MESSAGE });
    expect(error.fieldErrors.email).toEqual(["Это ваш адрес: роли вам назначает другой администратор."]);
    expect(await db().user.count()).toBe(users);
  });

  it("nor by inviting its own e-mail as a coordinator; another admin can invite it", async () => {
    const invite = (scope: Scope, validFrom: string) =>
      createAssignment({
        scope,
        input: {
          role: "SCHOOL_COORDINATOR",
          subjectId: w.t.a1s2.id,
          personName: "Администраторов Адам Адамович",
          email: "admin@sod.test",
          validFrom,
          invite: true,
          password: "long-enough-password",
        },
      });
    const before = await rolesOf(admin.user.id);
    const assignments = await db().coordinatorAssignment.count();
    const error = await refusal(invite(admin.scope, "2023-09-01"));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: SELF_GRANT_MESSAGE });
    expect(error.fieldErrors.email).toEqual(["Это ваш адрес: роли вам назначает другой администратор."]);
    expect(await rolesOf(admin.user.id)).toEqual(before);
    expect(await db().coordinatorAssignment.count()).toBe(assignments);

    await expect(invite(otherAdmin, "2023-09-01")).resolves.toMatchObject({ userId: admin.user.id, userCreated: false });
    expect(await rolesOf(admin.user.id)).toEqual([...before, `SCHOOL_COORDINATOR/${w.t.a1s2.id}`]);
  });
});

/**
 * A coordinator of the given subject who is also an auditor of region A: both
 * roles given by an admin, and the scope the session would give them.
 */
async function coordinatorAndAuditor(email: string, coordinator: Omit<MembershipInput, "regionId">) {
  const regionId = w.t.regionA.id;
  const role = { regionId, ...coordinator };
  const user = await createUser({
    scope: otherAdmin,
    input: { email, name: email, password: "long-enough-password", memberships: [{ role: role.role, scopeId: scopeIdOf(role) }] },
  });
  await grantMembership({ scope: otherAdmin, userId: user.id, grant: { role: "REGION_AUDITOR", scopeId: regionId } });
  return scopeOf(user.id, [role, { role: "REGION_AUDITOR", regionId }]);
}

describe("whoever filled or submitted a blank does not review it", () => {
  it("a school's coordinator who is also an auditor fills and submits the school's blank, then cannot mark, return or accept it; another auditor can", async () => {
    const dual = await coordinatorAndAuditor("dual@sod.test", {
      role: "SCHOOL_COORDINATOR",
      municipalityId: w.t.a1.id,
      organizationId: w.t.a1s1.id,
    });
    const blank = await w.blankOf(w.t.a1s1.id);
    const item = w.item("school", "4.1");
    const saved = await saveBlankAnswers({
      scope: dual,
      input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: item.key, value: { kind: "COUNT", count: 3 } }] },
    });
    await submitBlank({ scope: dual, input: { blankId: blank.id, version: saved.version } });
    expect((await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).submittedById).toBe(dual.userId);

    // The page shows a notice instead of the review controls.
    expect(await getBlank({ scope: dual, id: blank.id })).toMatchObject({
      status: "SUBMITTED",
      ownWork: true,
      canReview: false,
      canFill: false,
    });
    expect(await getBlank({ scope: w.auditor.scope, id: blank.id })).toMatchObject({ ownWork: false, canReview: true });

    const untouched = async () => {
      const stored = await db().blank.findUniqueOrThrow({ where: { id: blank.id }, include: { answers: true } });
      return { status: stored.status, version: stored.version, marks: stored.answers.map((a) => a.mark) };
    };
    const before = await untouched();
    const own = { code: "FORBIDDEN", message: OWN_WORK_MESSAGE };
    expect(await refusal(markAnswer({ scope: dual, input: { blankId: blank.id, itemKey: item.key, mark: "MATCHES" } }))).toMatchObject(own);
    expect(await refusal(markAllMatching({ scope: dual, blankId: blank.id }))).toMatchObject(own);
    expect(await refusal(returnBlank({ scope: dual, input: { blankId: blank.id, message: "Верну сам себе." } }))).toMatchObject(own);
    expect(await untouched()).toEqual(before);

    // Another auditor marks everything; the filler still cannot accept it, the other auditor can.
    await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
    const marked = await untouched();
    expect(await refusal(acceptBlank({ scope: dual, blankId: blank.id }))).toMatchObject(own);
    expect(await untouched()).toEqual(marked);
    await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });

    // Accepted: the filler cannot reopen it either.
    expect(await getBlank({ scope: dual, id: blank.id })).toMatchObject({ status: "ACCEPTED", ownWork: true, canReopen: false });
    expect(await refusal(returnBlank({ scope: dual, input: { blankId: blank.id, message: "Открою сам." } }))).toMatchObject(own);
    await returnBlank({ scope: w.auditor.scope, input: { blankId: blank.id, message: "Уточните пункт." } });
    expect((await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).status).toBe("RETURNED");

    // The same person reviews blanks they had no hand in.
    const other = await w.blankOf(w.t.a1.id);
    const otherSaved = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: other.id,
        version: other.version,
        answers: [{ itemKey: w.item("municipal", "2.1").key, value: { kind: "COUNT", count: 2 } }],
      },
    });
    await submitBlank({ scope: w.moA1.scope, input: { blankId: other.id, version: otherSaved.version } });
    expect(await getBlank({ scope: dual, id: other.id })).toMatchObject({ ownWork: false, canReview: true });
    await expect(markAllMatching({ scope: dual, blankId: other.id })).resolves.toEqual({ marked: w.items.municipal.length });
  });

  it("changing one answer is enough to bar a reviewer, and so is only sending the blank", async () => {
    const filler = await coordinatorAndAuditor("filler@sod.test", { role: "MUNICIPAL_COORDINATOR", municipalityId: w.t.a2.id });
    const blank = await w.blankOf(w.t.a2.id);
    const count = w.item("municipal", "2.1");
    const saved = await saveBlankAnswers({
      scope: filler,
      input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: count.key, value: { kind: "COUNT", count: 1 } }] },
    });
    // A colleague takes over and sends it: the one who filled a single answer still may not review it.
    await submitBlank({ scope: w.moA2.scope, input: { blankId: blank.id, version: saved.version } });
    expect(
      await refusal(markAnswer({ scope: filler, input: { blankId: blank.id, itemKey: count.key, mark: "MISMATCH", comment: "" } })),
    ).toMatchObject({
      code: "FORBIDDEN",
      message: OWN_WORK_MESSAGE,
    });
    await markAnswer({ scope: w.auditor.scope, input: { blankId: blank.id, itemKey: count.key, mark: "MISMATCH", comment: "" } });

    // Returned, then sent again by someone who changed nothing: sending alone bars them too.
    await returnBlank({ scope: w.auditor.scope, input: { blankId: blank.id, message: "Проверьте число школ." } });
    const sender = await coordinatorAndAuditor("sender@sod.test", { role: "MUNICIPAL_COORDINATOR", municipalityId: w.t.a2.id });
    const { version } = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    await submitBlank({ scope: sender, input: { blankId: blank.id, version } });
    expect(await refusal(markAllMatching({ scope: sender, blankId: blank.id }))).toMatchObject({
      code: "FORBIDDEN",
      message: OWN_WORK_MESSAGE,
    });
    expect(await getBlank({ scope: sender, id: blank.id })).toMatchObject({ ownWork: true, canReview: false });
    await expect(markAllMatching({ scope: w.auditor.scope, blankId: blank.id })).resolves.toMatchObject({
      marked: w.items.municipal.length - 1,
    });
  });
});
