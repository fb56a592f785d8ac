import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signOutEverywhereAction } from "@/app/(app)/account/actions";
import { AppError } from "@/lib/errors";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { loadScope } from "@/lib/server/auth/load-scope";
import { authOptions } from "@/lib/server/auth/options";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { db } from "@/lib/server/db/client";
import { createUser } from "@/lib/server/users/create-user";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";

// Server actions read the session through getScope; here each call is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
beforeAll(async () => {
  t = await buildTwoTenants("soe");
});

const { callbacks } = authOptions();
/** What next-auth does on every request with a session cookie: the jwt callback, then the session callback. */
async function sessionOf(token: JWT) {
  const refreshed = (await callbacks!.jwt!({ token, user: undefined as never, account: null })) as JWT;
  const session = (await callbacks!.session!({ session: { expires: "" } as Session, token: refreshed } as never)) as unknown as {
    scope: Scope | null;
  };
  return { token: refreshed, scope: session.scope };
}

describe("sign out everywhere", () => {
  it("stamps the sign-in time into the token and keeps it when next-auth re-issues the cookie", async () => {
    const before = Date.now();
    const token = (await callbacks!.jwt!({ token: { sub: "u" }, user: { id: "u" }, account: null })) as JWT;
    expect(token.authTime).toBeGreaterThanOrEqual(before);
    // next-auth re-stamps `iat` on every refresh; authTime stays.
    const refreshed = (await callbacks!.jwt!({ token: { ...token, iat: Math.floor(Date.now() / 1000) + 3600 }, user: undefined as never, account: null })) as JWT;
    expect(refreshed.authTime).toBe(token.authTime);
    // A token from before this claim takes its last issue time.
    const legacy = (await callbacks!.jwt!({ token: { sub: "u", iat: 1_800_000_000 }, user: undefined as never, account: null })) as JWT;
    expect(legacy.authTime).toBe(1_800_000_000_000);
  });

  it("signs out every session that began before it, and only those", async () => {
    const { user } = await userWithRole("everywhere@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const signedIn = Date.now() - 60_000;
    const old = { sub: user.id, authTime: signedIn };
    expect((await sessionOf(old)).scope?.userId).toBe(user.id);

    await signOutEverywhere({ userId: user.id, now: new Date(signedIn + 1) });
    expect(await loadScope(user.id, { signedInAt: signedIn })).toBeNull();
    const after = await sessionOf(old);
    expect(after.scope).toBeNull();
    // Re-issued, the cookie still carries the old sign-in time: it stays signed out.
    expect((await sessionOf(after.token)).scope).toBeNull();

    // Signing in again gives a session that works; other callers of loadScope are unaffected.
    expect((await sessionOf({ sub: user.id, authTime: signedIn + 2 })).scope?.userId).toBe(user.id);
    expect((await loadScope(user.id))?.userId).toBe(user.id);
  });

  it("does not touch another user's sessions", async () => {
    const { user: one } = await userWithRole("one@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const { user: two } = await userWithRole("two@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const signedIn = Date.now() - 1000;
    await signOutEverywhere({ userId: one.id });
    expect(await loadScope(one.id, { signedInAt: signedIn })).toBeNull();
    expect((await loadScope(two.id, { signedInAt: signedIn }))?.userId).toBe(two.id);
  });

  it("is a server action of the signed-in user, this session included", async () => {
    const { user, scope } = await userWithRole("action@soe.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id });
    const signedIn = Date.now() - 1000;
    vi.mocked(getScope).mockResolvedValue(scope);
    expect(await signOutEverywhereAction()).toEqual({ ok: true, data: null });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionsValidFrom!.getTime()).toBeGreaterThan(signedIn);
    expect(await loadScope(user.id, { signedInAt: signedIn })).toBeNull();

    vi.mocked(getScope).mockResolvedValue(null);
    expect(await signOutEverywhereAction()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

describe("password policy where a password is set", () => {
  it("refuses a breached password for a new user, on the password field", async () => {
    const { scope: admin } = await userWithRole("admin@soe.test", "REGION_ADMIN", { regionId: t.regionA.id });
    const input = (password: string, email: string) => ({
      email,
      name: "Петрова Татьяна Александровна",
      password,
      memberships: [{ role: "MUNICIPAL_COORDINATOR", scopeId: t.a1.id }],
    });
    const before = await db().user.count();
    const error = await createUser({ scope: admin, input: input("Password123", "breached@soe.test") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { password: [PASSWORD_MESSAGES.BREACHED] } });
    expect(await db().user.count()).toBe(before);
    // Outside production the demo passwords stay usable (tests, demo seeding); a good one always is.
    await expect(createUser({ scope: admin, input: input("demo-password-2026", "demo@soe.test") })).resolves.toMatchObject({ email: "demo@soe.test" });
    await expect(createUser({ scope: admin, input: input("Сосна-у-реки-2026", "good@soe.test") })).resolves.toMatchObject({ email: "good@soe.test" });
  });
});
