import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/auth/client-address";
import { accountKey, SIGN_IN_MESSAGES } from "@/lib/domain/auth/sign-in-throttle";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { db } from "@/lib/server/db/client";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";
import { freePort, waitForServer } from "../../bench/http/server";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { type Answer, type RawRequestOptions, rawRequest } from "../support/raw-request";
import { useTestDatabase } from "../support/test-database";

// Sign-in, sign-out and the client's address through the real HTTP stack: the production build
// served by the production server (the cluster of serve-worker.ts), next-auth's own endpoints with
// their CSRF token and cookies. 127.0.0.2 plays the one trusted reverse proxy (TRUSTED_PROXIES);
// the test's other requests come from 127.0.0.1, a client that reaches the app directly.

const databaseUrl = useTestDatabase();
const PASSWORD = "right-password-2026";
const PROXY = "127.0.0.2";
let base = "";
let server: ReturnType<typeof serveNext> | undefined;

beforeAll(async () => {
  ensureBuild((line) => console.log(`[sign-in-http] ${line}`));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = serveNext({
    port,
    env: {
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_SECRET: "http-test-secret-0123456789-0123456789-01",
      NEXTAUTH_URL: base,
      TRUSTED_PROXIES: PROXY,
      WEB_CONCURRENCY: "1",
      BACKGROUND_JOBS: "off",
    },
  });
  await waitForServer(base, server);
}, 15 * 60_000);

afterAll(async () => {
  if (server) await stopChild(server);
});

/** One request over a connection of its own, from `localAddress` (node:http, as fetch cannot choose it). */
const request = (path: string, options: RawRequestOptions = {}) => rawRequest(base, path, options);

const cookiesOf = (answer: Answer) => (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

/** next-auth's CSRF token and its cookie, as the sign-in form and sign-out button fetch them. */
async function csrf(from?: string) {
  const answer = await request("/api/auth/csrf", { from });
  return { token: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken, cookie: cookiesOf(answer).join("; ") };
}

/** The login form's POST: the session cookie, or the error message the form would show. */
async function signIn(email: string, password: string, options: { from?: string; headers?: Record<string, string> } = {}) {
  const { token, cookie } = await csrf(options.from);
  const answer = await request("/api/auth/callback/credentials", {
    method: "POST",
    from: options.from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...options.headers },
    body: new URLSearchParams({ email, password, csrfToken: token, callbackUrl: base, json: "true" }).toString(),
  });
  const session = cookiesOf(answer).find((c) => c.startsWith("next-auth.session-token="));
  if (session) return { session, error: null };
  const url = (JSON.parse(answer.body) as { url: string }).url;
  return { session: null, error: new URL(url).searchParams.get("error") };
}

async function signedIn(email: string): Promise<string> {
  const { session, error } = await signIn(email, PASSWORD);
  if (!session) throw new Error(`sign-in as ${email} failed: ${error}`);
  return session;
}

const studentsExport = (session: string) => request("/api/exports/region-students?format=csv", { headers: { cookie: session } });
const regionPage = (session: string) => request("/region", { headers: { cookie: session } });

describe("sign-out through the production server", () => {
  let regionId = "";
  beforeAll(async () => {
    regionId = (await buildTwoTenants("http")).regionA.id;
  });

  it("ends the session on the server: the old cookie opens neither pages nor exports", async () => {
    await userWithRole("signout@http.test", "REGION_AUDITOR", { regionId }, PASSWORD);
    const session = await signedIn("signout@http.test");
    expect((await regionPage(session)).status).toBe(200);
    expect((await studentsExport(session)).status).toBe(200);

    // The «Выйти» button: next-auth's sign-out with its CSRF token.
    const { token, cookie } = await csrf();
    const signedOut = await request("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${session}` },
      body: new URLSearchParams({ csrfToken: token, callbackUrl: `${base}/login`, json: "true" }).toString(),
    });
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers["set-cookie"]?.some((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);

    // A copy of the cookie kept from before the sign-out.
    const exported = await studentsExport(session);
    expect(exported.status).toBe(401);
    expect(exported.body).not.toContain("signout@http.test");
    const page = await regionPage(session);
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(new URL(page.headers.location!, base).pathname).toBe("/login");
  });

  it("«Выйти на всех устройствах» ends every session of the user", async () => {
    const { user } = await userWithRole("everywhere@http.test", "REGION_AUDITOR", { regionId }, PASSWORD);
    const sessions = [await signedIn("everywhere@http.test"), await signedIn("everywhere@http.test")];
    for (const session of sessions) expect((await studentsExport(session)).status).toBe(200);
    await signOutEverywhere({ userId: user.id });
    for (const session of sessions) expect((await studentsExport(session)).status).toBe(401);
    expect((await studentsExport(await signedIn("everywhere@http.test"))).status).toBe(200);
  });
});

describe("the address the sign-in throttle counts, through the production server", () => {
  let regionId = "";
  beforeAll(async () => {
    regionId = (await buildTwoTenants("addr")).regionA.id;
  });
  const tooMany = /^Слишком много попыток входа\. Повторите попытку через \d+ с\.$/;

  it("is the connection's for a direct client: a rotating X-Forwarded-For gives no extra attempts", async () => {
    await userWithRole("rotate@http.test", "REGION_AUDITOR", { regionId }, PASSWORD);
    const errors = [];
    for (let i = 1; i <= 6; i++) {
      const forged = `198.51.100.${i}`;
      const { error } = await signIn("rotate@http.test", `wrong-${i}`, {
        headers: { "x-forwarded-for": forged, [CLIENT_ADDRESS_HEADER]: forged },
      });
      errors.push(error);
    }
    expect(errors.slice(0, 5)).toEqual(Array(5).fill(SIGN_IN_MESSAGES.INVALID));
    expect(errors[5]).toMatch(tooMany);
    // Waiting, even the right password is refused, whichever address the header names.
    const right = await signIn("rotate@http.test", PASSWORD, { headers: { "x-forwarded-for": "198.51.100.99" } });
    expect(right.error).toMatch(tooMany);
  });

  it("behind a trusted proxy is the forwarded client's: each client counted apart, the proxy never", async () => {
    await userWithRole("proxied@http.test", "REGION_AUDITOR", { regionId }, PASSWORD);
    const viaProxy = (client: string, password: string) =>
      signIn("proxied@http.test", password, { from: PROXY, headers: { "x-forwarded-for": `6.6.6.6, ${client}` } });
    for (let i = 1; i <= 5; i++) expect((await viaProxy("203.0.113.9", `wrong-${i}`)).error).toBe(SIGN_IN_MESSAGES.INVALID);
    expect((await viaProxy("203.0.113.9", "wrong-6")).error).toMatch(tooMany);
    // The client's own row, keyed by the forwarded address.
    expect(
      await db().rateLimiterFlexible.findUnique({ where: { key: `sign-in:account:${accountKey("proxied@http.test", "203.0.113.9")}` } }),
    ).not.toBeNull();
    // Another client behind the same proxy signs in at once.
    expect((await viaProxy("203.0.113.10", PASSWORD)).session).toMatch(/^next-auth\.session-token=/);
  });
});
