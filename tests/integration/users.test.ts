import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { toErrorBody } from "@/lib/server/http/to-response";
import { revokeMembership } from "@/lib/server/users/revoke-membership";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { createUser, grantMembership, listUsers } from "../support/operations";

useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let admin: Scope;

beforeAll(async () => {
  t = await buildTwoTenants("usr");
  admin = (await userWithRole("admin@usr.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
});

const input = (overrides: Record<string, unknown> = {}) => ({
  email: "new.coordinator@a.test",
  name: "Петрова Татьяна Александровна",
  password: "initial-password-1",
  memberships: [{ role: "MUNICIPAL_COORDINATOR", scopeId: t.a1.id }],
  ...overrides,
});

describe("user administration", () => {
  it("creates a user who can sign in with the role given", async () => {
    const user = await createUser({ scope: admin, input: input() });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } });
    expect(stored.memberships).toMatchObject([{ role: "MUNICIPAL_COORDINATOR", municipalityId: t.a1.id, regionId: t.regionA.id }]);
    expect(await verifyCredentials({ email: "new.coordinator@a.test", password: "initial-password-1" })).toMatchObject({ ok: true });
  });

  it("refuses bad input with Russian messages per field and stores nothing", async () => {
    const before = await db().user.count();
    const error = await createUser({ scope: admin, input: input({ email: "нет", password: "123" }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    const body = toErrorBody(error);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fieldErrors.email).toEqual(["Введите корректный адрес электронной почты."]);
    expect(body.error.fieldErrors.password).toEqual(["Пароль должен быть не короче 10 символов."]);
    expect(await db().user.count()).toBe(before);
  });

  it("refuses a second user with the same e-mail as a conflict", async () => {
    await createUser({ scope: admin, input: input({ email: "twice@a.test" }) });
    const error = await createUser({ scope: admin, input: input({ email: "TWICE@a.test" }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).fieldErrors.email).toEqual(["Этот адрес уже занят."]);
  });

  it("gives and takes roles; giving the same role twice keeps one", async () => {
    const user = await createUser({ scope: admin, input: input({ email: "roles@a.test" }) });
    const grant = { role: "SCHOOL_COORDINATOR", scopeId: t.a1s2.id };
    await grantMembership({ scope: admin, userId: user.id, grant });
    await grantMembership({ scope: admin, userId: user.id, grant });
    const memberships = await db().membership.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(memberships.map((m) => m.role)).toEqual(["MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"]);
    await revokeMembership({ scope: admin, membershipId: memberships[0]!.id });
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an admin cannot take away their own admin role", async () => {
    const own = await db().membership.findFirstOrThrow({ where: { userId: admin.userId } });
    await expect(revokeMembership({ scope: admin, membershipId: own.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lists users paged, sorted and filtered on the server", async () => {
    for (const n of [1, 2, 3]) {
      await createUser({ scope: admin, input: input({ email: `page${n}@a.test`, name: `Страницын ${n}` }) });
    }
    const page = await listUsers({ scope: admin, query: { q: "страницын", sort: "name", dir: "desc", pageSize: 5 } });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(["Страницын 3", "Страницын 2", "Страницын 1"]);
    const second = await listUsers({ scope: admin, query: { q: "страницын", sort: "name", pageSize: 5, page: 2 } });
    expect(second.rows).toEqual([]);
    const auditors = await listUsers({ scope: admin, query: { role: "REGION_ADMIN" } });
    expect(auditors.rows.map((r) => r.email)).toEqual(["admin@usr.test"]);
  });
});
