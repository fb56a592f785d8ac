import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportListRoute } from "@/app/api/exports/[list]/route";
import { GET as reportRoute } from "@/app/api/reports/[kind]/[id]/route";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";
import { purgeExpiredRateLimits } from "@/lib/server/rate-limit/purge-expired-rate-limits";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { holdClock, releaseClockAfterEach } from "../support/clock";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

releaseClockAfterEach();

describe("download limit per user (rate-limiter-flexible on PostgreSQL)", () => {
  let auditor: Scope;
  let other: Scope;
  beforeAll(async () => {
    const { regionA } = await buildTwoTenants("dl");
    auditor = (await userWithRole("auditor@dl.test", "REGION_AUDITOR", { regionId: regionA.id })).scope;
    other = (await userWithRole("other@dl.test", "REGION_AUDITOR", { regionId: regionA.id })).scope;
  });

  it("answers the 31st download in a minute with 429, Retry-After and a Russian message", async () => {
    const advance = holdClock("2026-11-23T14:00:00Z");
    for (let i = 0; i < 30; i++) expect(await checkExportRateLimit(auditor)).toBeNull();
    advance(15);
    const refused = (await checkExportRateLimit(auditor))!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(await refused.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Слишком много выгрузок за минуту. Повторите попытку через 45 с.", fieldErrors: {} },
    });
    // Another user has an allowance of their own; the minute over, the user's starts again.
    expect(await checkExportRateLimit(other)).toBeNull();
    advance(45);
    expect(await checkExportRateLimit(auditor)).toBeNull();
  });

  it("counts parallel downloads exactly", async () => {
    holdClock("2026-11-23T15:00:00Z");
    const { regionA } = await buildTwoTenants("dp");
    const { scope } = await userWithRole("parallel@dl.test", "REGION_AUDITOR", { regionId: regionA.id });
    const answers = await Promise.all(Array.from({ length: 50 }, () => checkExportRateLimit(scope)));
    expect(answers.filter((a) => a === null)).toHaveLength(30);
    expect(answers.filter((a) => a?.status === 429)).toHaveLength(20);
  });

  it("is applied by the export and report routes, before any work", async () => {
    vi.mocked(getScope).mockResolvedValue(auditor);
    holdClock("2026-11-23T16:00:00Z");
    // The user's 30 downloads of this minute, made 20 s ago: the minute ends in 40 s.
    await db().rateLimiterFlexible.upsert({
      where: { key: `export:user:${auditor.userId}` },
      create: { key: `export:user:${auditor.userId}`, points: 30, expire: BigInt(Date.now() + 40_000) },
      update: { points: 30, expire: BigInt(Date.now() + 40_000) },
    });
    const list = await exportListRoute(new Request("http://localhost/api/exports/plans?format=csv"), {
      params: Promise.resolve({ list: "plans" }),
    });
    expect(list.status).toBe(429);
    expect(list.headers.get("retry-after")).toBe("40");
    const id = "01900000-0000-7000-8000-000000000000";
    const report = await reportRoute(new Request(`http://localhost/api/reports/audit/${id}`), {
      params: Promise.resolve({ kind: "audit", id }),
    });
    expect(report.status).toBe(429);
    expect((await report.json()).error.code).toBe("RATE_LIMITED");
  });
});

describe("the limiters' table", () => {
  it("is purged of the windows that have ended, and only of them", async () => {
    const now = Date.now();
    await db().rateLimiterFlexible.createMany({
      data: [
        { key: "test:ended", points: 3, expire: BigInt(now - 1) },
        { key: "test:running", points: 3, expire: BigInt(now + 60_000) },
      ],
    });
    expect(await purgeExpiredRateLimits({ now: new Date(now) })).toBeGreaterThanOrEqual(1);
    const keys = (await db().rateLimiterFlexible.findMany({ where: { key: { startsWith: "test:" } } })).map((r) => r.key);
    expect(keys).toEqual(["test:running"]);
  });
});
