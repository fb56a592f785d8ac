import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { GET as exportListRoute } from "@/app/api/exports/[list]/route";
import { GET as reportRoute } from "@/app/api/reports/[kind]/[id]/route";
import type { Scope } from "@/lib/scope";
import { authOptions } from "@/lib/server/auth/options";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";
import { checkSignInRateLimit } from "@/lib/server/rate-limit/check-sign-in-rate-limit";
import { clientIp } from "@/lib/server/rate-limit/client-ip";
import { hitRateLimit } from "@/lib/server/rate-limit/hit-rate-limit";
import { exportKey, RATE_LIMIT_RETENTION_MS, signInKey } from "@/lib/server/rate-limit/policies";
import { purgeExpiredRateLimits } from "@/lib/server/rate-limit/purge-expired-rate-limits";
import { refundRateLimit } from "@/lib/server/rate-limit/refund-rate-limit";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const stored = (key: string) => db().rateLimit.findUnique({ where: { key } });

describe("the shared fixed-window counter", () => {
  it("allows `limit` hits in a window, refuses the next with the seconds left", async () => {
    const now = at("2026-11-23T09:00:10Z");
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await hitRateLimit({ key: "t:limit", limit: 3, windowMs: MINUTE, now }));
    expect(hits.map((h) => [h.count, h.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(hits[3]!.windowStart).toEqual(at("2026-11-23T09:00:00Z"));
    expect(hits[3]!.retryAfterSeconds).toBe(50);
    expect(await stored("t:limit")).toMatchObject({ count: 4, windowStart: at("2026-11-23T09:00:00Z") });
  });

  it("starts again at 1 when the window has passed, and never moves back to an older one", async () => {
    const hit = (iso: string) => hitRateLimit({ key: "t:window", limit: 2, windowMs: 10 * MINUTE, now: at(iso) });
    await hit("2026-11-23T09:01:00Z");
    await hit("2026-11-23T09:05:00Z");
    expect(await hit("2026-11-23T09:09:59Z")).toMatchObject({ count: 3, allowed: false, retryAfterSeconds: 1 });
    expect(await hit("2026-11-23T09:10:00Z")).toMatchObject({ count: 1, allowed: true, windowStart: at("2026-11-23T09:10:00Z") });
    // An instance whose clock is a little behind counts into the newer window rather than resetting it.
    expect(await hit("2026-11-23T09:09:59Z")).toMatchObject({ count: 2, windowStart: at("2026-11-23T09:10:00Z") });
  });

  it("counts 50 parallel hits exactly, one statement each", async () => {
    const now = at("2026-11-23T10:00:00Z");
    const hits = await Promise.all(
      Array.from({ length: 50 }, () => hitRateLimit({ key: "t:parallel", limit: 20, windowMs: MINUTE, now, random: () => 1 })),
    );
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(hits.filter((h) => h.allowed)).toHaveLength(20);
    expect((await stored("t:parallel"))?.count).toBe(50);
  });

  it("gives a hit back in its own window only", async () => {
    const now = at("2026-11-23T11:00:30Z");
    const first = await hitRateLimit({ key: "t:refund", limit: 5, windowMs: MINUTE, now });
    await hitRateLimit({ key: "t:refund", limit: 5, windowMs: MINUTE, now });
    await refundRateLimit(first);
    expect((await stored("t:refund"))?.count).toBe(1);
    await hitRateLimit({ key: "t:refund", limit: 5, windowMs: MINUTE, now: at("2026-11-23T11:01:30Z") });
    await refundRateLimit(first); // its window has ended: the new one is left alone
    expect(await stored("t:refund")).toMatchObject({ count: 1, windowStart: at("2026-11-23T11:01:00Z") });
  });

  it("deletes windows that ended long ago, now and then on a hit", async () => {
    const now = at("2026-11-23T12:00:00Z");
    await hitRateLimit({ key: "t:old", limit: 5, windowMs: MINUTE, now: new Date(now.getTime() - RATE_LIMIT_RETENTION_MS - MINUTE) });
    await hitRateLimit({ key: "t:recent", limit: 5, windowMs: MINUTE, now: new Date(now.getTime() - MINUTE) });
    expect(await purgeExpiredRateLimits({ now })).toBeGreaterThanOrEqual(1);
    expect(await stored("t:old")).toBeNull();
    expect(await stored("t:recent")).not.toBeNull();
    await hitRateLimit({ key: "t:old2", limit: 5, windowMs: MINUTE, now: new Date(now.getTime() - 2 * RATE_LIMIT_RETENTION_MS) });
    await hitRateLimit({ key: "t:trigger", limit: 5, windowMs: MINUTE, now, random: () => 0 });
    expect(await stored("t:old2")).toBeNull();
  });
});

describe("sign-in limit per address", () => {
  it("reads the address from the first hop of X-Forwarded-For", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIp({ "x-real-ip": "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientIp(undefined)).toBe("unknown");
  });

  it("allows 20 attempts from an address in 10 minutes, then tells the minutes to wait", async () => {
    const headers = { "x-forwarded-for": "198.51.100.20" };
    const now = at("2026-11-23T13:02:00Z");
    for (let i = 0; i < 20; i++) expect((await checkSignInRateLimit(headers, now)).allowed).toBe(true);
    const refused = await checkSignInRateLimit(headers, now);
    expect(refused).toEqual({
      allowed: false,
      message: "Слишком много попыток входа с этого адреса. Повторите попытку через 8 мин.",
      retryAfterSeconds: 480,
    });
    expect((await checkSignInRateLimit({ "x-forwarded-for": "198.51.100.21" }, now)).allowed).toBe(true);
    expect((await checkSignInRateLimit(headers, at("2026-11-23T13:10:00Z"))).allowed).toBe(true);
  });

  it("stops password guessing from one address across accounts; a successful sign-in is given back", async () => {
    const { regionA } = await buildTwoTenants("rl");
    await userWithRole("right@rl.test", "REGION_AUDITOR", { regionId: regionA.id }, "right-password-2026");
    const credentials = authOptions().providers[0]!.options as {
      authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
    };
    const from = { headers: { "x-forwarded-for": "192.0.2.44" } };
    const attempt = (email: string, password: string) => credentials.authorize({ email, password }, from).catch((e: Error) => e.message);

    // Successes do not use up the address's allowance (a school's staff share one address).
    for (let i = 0; i < 3; i++) expect(await attempt("right@rl.test", "right-password-2026")).toMatchObject({ id: expect.any(String) });
    for (let i = 0; i < 20; i++) {
      expect(await attempt(`nobody${i}@rl.test`, "wrong-password")).toBe("Неверный адрес электронной почты или пароль.");
    }
    expect(await stored(signInKey("192.0.2.44"))).toMatchObject({ count: 20 });
    // The 21st is refused before any password is checked, even the right one.
    expect(await attempt("right@rl.test", "right-password-2026")).toMatch(/^Слишком много попыток входа с этого адреса/);
    // Another address is not affected.
    const elsewhere = await credentials.authorize({ email: "right@rl.test", password: "right-password-2026" }, { headers: { "x-forwarded-for": "192.0.2.45" } });
    expect(elsewhere).toMatchObject({ id: expect.any(String) });
  });
});

describe("download limit per user", () => {
  let auditor: Scope;
  beforeAll(async () => {
    const { regionA } = await buildTwoTenants("dl");
    auditor = (await userWithRole("auditor@dl.test", "REGION_AUDITOR", { regionId: regionA.id })).scope;
  });

  it("answers the 31st download in a minute with 429, Retry-After and a Russian message", async () => {
    const now = at("2026-11-23T14:00:15Z");
    for (let i = 0; i < 30; i++) expect(await checkExportRateLimit(auditor, now)).toBeNull();
    const refused = (await checkExportRateLimit(auditor, now))!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(await refused.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Слишком много выгрузок за минуту. Повторите попытку через 45 с.", fieldErrors: {} },
    });
    expect(await checkExportRateLimit(auditor, at("2026-11-23T14:01:00Z"))).toBeNull();
  });

  it("is applied by the export and report routes, before any work", async () => {
    vi.mocked(getScope).mockResolvedValue(auditor);
    // The routes count at their own `new Date()`: held in the middle of a minute.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-11-23T15:00:20Z"));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const windowStart = at("2026-11-23T15:00:00Z");
    await db().rateLimit.upsert({
      where: { key: exportKey(auditor.userId) },
      create: { key: exportKey(auditor.userId), windowStart, count: 30 },
      update: { windowStart, count: 30 },
    });
    const list = await exportListRoute(new Request("http://localhost/api/exports/plans?format=csv"), { params: Promise.resolve({ list: "plans" }) });
    expect(list.status).toBe(429);
    expect(list.headers.get("retry-after")).toBe("40");
    const id = "01900000-0000-7000-8000-000000000000";
    const report = await reportRoute(new Request(`http://localhost/api/reports/audit/${id}`), { params: Promise.resolve({ kind: "audit", id }) });
    expect(report.status).toBe(429);
    expect((await report.json()).error.code).toBe("RATE_LIMITED");
  });
});
