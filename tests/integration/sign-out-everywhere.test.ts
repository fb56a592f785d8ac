import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { AppError } from "@/lib/errors";
import { PASSWORD_MESSAGES } from "@/lib/domain/auth/password-policy";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { createAuthSession } from "@/lib/server/auth/create-auth-session";
import { loadScope, loadSessionScope } from "@/lib/server/auth/load-scope";
import { authOptions } from "@/lib/server/auth/options";
import { purgeExpiredSessions } from "@/lib/server/auth/purge-expired-sessions";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { db } from "@/lib/server/db/client";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { createUser } from "../support/operations";

// Server actions read the session through getScope; here each call is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
beforeAll(async () => {
  t = await buildTwoTenants("soe");
});

const { callbacks, events } = authOptions();

/** What next-auth does at sign-in: the jwt callback with the user; the token goes into the cookie. */
async function signedIn(userId: string): Promise<JWT> {
  return (await callbacks!.jwt!({ token: { sub: userId }, user: { id: userId }, account: null })) as JWT;
}

/** What next-auth does on every request with a session cookie: the jwt callback, then the session callback. */
async function scopeOf(token: JWT): Promise<Scope | null> {
  const refreshed = (await callbacks!.jwt!({ token, user: undefined as never, account: null })) as JWT;
  const session = (await callbacks!.session!({ session: { expires: "" } as Session, token: refreshed } as never)) as unknown as {
    scope: Scope | null;
  };
  return session.scope;
}

const signOut = (token: JWT) => events!.signOut!({ token, session: undefined as never });

describe("sessions kept on the server", () => {
  it("makes a row at sign-in whose id travels in the token, for 8 hours", async () => {
    const { user } = await userWithRole("row@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const before = Date.now();
    const token = await signedIn(user.id);
    const row = await db().authSession.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row).toMatchObject({ userId: user.id, revokedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 60 * 60 * 1000);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Re-issued on a later request, the cookie keeps its session.
    const refreshed = (await callbacks!.jwt!({ token, user: undefined as never, account: null })) as JWT;
    expect(refreshed.sid).toBe(token.sid);
    expect((await scopeOf(token))?.userId).toBe(user.id);
  });

  it("signs out this session on the server, and only this one", async () => {
    const { user } = await userWithRole("signout@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const laptop = await signedIn(user.id);
    const phone = await signedIn(user.id);
    await signOut(laptop);
    expect(await scopeOf(laptop)).toBeNull();
    expect((await scopeOf(phone))?.userId).toBe(user.id);
    // A second sign-out of the same cookie changes nothing.
    const revokedAt = (await db().authSession.findUniqueOrThrow({ where: { id: laptop.sid as string } })).revokedAt;
    await signOut(laptop);
    expect((await db().authSession.findUniqueOrThrow({ where: { id: laptop.sid as string } })).revokedAt).toEqual(revokedAt);
  });

  it("opens nothing without a session row of the token's own user, or once it has expired", async () => {
    const { user } = await userWithRole("claims@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const { user: other } = await userWithRole("claims2@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const token = await signedIn(user.id);
    // Issued before sessions were kept: no `sid`.
    expect(await scopeOf({ sub: user.id, iat: Math.floor(Date.now() / 1000) })).toBeNull();
    expect(await scopeOf({ ...token, sub: other.id })).toBeNull();
    expect(await scopeOf({ ...token, sid: "not-a-session" })).toBeNull();
    expect(
      await loadSessionScope({ userId: user.id, sessionId: token.sid as string, now: new Date(Date.now() + 8 * 60 * 60 * 1000 + 1) }),
    ).toBeNull();
    expect((await loadSessionScope({ userId: user.id, sessionId: token.sid as string }))?.userId).toBe(user.id);
  });

  it("deletes the expired rows, hourly", async () => {
    const { user } = await userWithRole("purge@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const token = await signedIn(user.id);
    const later = new Date(Date.now() + 9 * 60 * 60 * 1000);
    const fresh = await createAuthSession({ userId: user.id, maxAgeSeconds: 8 * 60 * 60, now: later });
    expect(await purgeExpiredSessions({ now: later })).toBeGreaterThanOrEqual(1);
    expect(await db().authSession.findUnique({ where: { id: token.sid as string } })).toBeNull();
    expect(await db().authSession.findUnique({ where: { id: fresh.id } })).not.toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("signs out every session of the user, and a new sign-in works", async () => {
    const { user } = await userWithRole("everywhere@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const sessions = [await signedIn(user.id), await signedIn(user.id), await signedIn(user.id)];
    expect(await signOutEverywhere({ userId: user.id })).toEqual({ revoked: 3 });
    for (const token of sessions) expect(await scopeOf(token)).toBeNull();
    expect((await scopeOf(await signedIn(user.id)))?.userId).toBe(user.id);
    // Other callers of loadScope (the report worker) are unaffected.
    expect((await loadScope(user.id))?.userId).toBe(user.id);
  });

  it("does not touch another user's sessions", async () => {
    const { user: one } = await userWithRole("one@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const { user: two } = await userWithRole("two@soe.test", "REGION_AUDITOR", { regionId: t.regionA.id });
    const [first, second] = [await signedIn(one.id), await signedIn(two.id)];
    await signOutEverywhere({ userId: one.id });
    expect(await scopeOf(first)).toBeNull();
    expect((await scopeOf(second))?.userId).toBe(two.id);
  });

  it("is a server action of the signed-in user, this session included", async () => {
    const { user, scope } = await userWithRole("action@soe.test", "MUNICIPAL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
    });
    const token = await signedIn(user.id);
    vi.mocked(getScope).mockResolvedValue(scope);
    expect(await signOutEverywhereAction()).toEqual({ ok: true, data: null });
    expect(await scopeOf(token)).toBeNull();
    expect(await db().authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

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
    await expect(createUser({ scope: admin, input: input("demo-password-2026", "demo@soe.test") })).resolves.toMatchObject({
      email: "demo@soe.test",
    });
    await expect(createUser({ scope: admin, input: input("Сосна-у-реки-2026", "good@soe.test") })).resolves.toMatchObject({
      email: "good@soe.test",
    });
  });
});
