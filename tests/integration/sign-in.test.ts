import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/auth/client-address";
import { addressKey, SIGN_IN_MESSAGES } from "@/lib/domain/auth/sign-in-throttle";
import { attemptSignIn } from "@/lib/server/auth/attempt-sign-in";
import { authOptions } from "@/lib/server/auth/options";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { holdClock, releaseClockAfterEach } from "../support/clock";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

const PASSWORD = "right-password-2026";
const INVALID = SIGN_IN_MESSAGES.INVALID;
const wait = (seconds: number) => SIGN_IN_MESSAGES.tooMany(seconds * 1000);

async function account(email: string) {
  const { regionA } = await buildTwoTenants();
  return userWithRole(email, "REGION_AUDITOR", { regionId: regionA.id }, PASSWORD);
}

/** One attempt, as the form shows it: null when it signed in, else the message. */
async function attempt(email: string, password: string, address: string): Promise<string | null> {
  const result = await attemptSignIn({ email, password, address });
  return result.ok ? null : result.message;
}

async function attempts(count: number, email: string, password: string, address: string): Promise<Array<string | null>> {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push(await attempt(email, password, address));
  return answers;
}

releaseClockAfterEach();

describe("sign-in", () => {
  it("accepts the right password, whatever the e-mail's case and spaces", async () => {
    const { user } = await account("auditor@a.test");
    expect(await verifyCredentials({ email: "  Auditor@A.test ", password: PASSWORD })).toEqual({ ok: true, userId: user.id });
    expect(await attemptSignIn({ email: "AUDITOR@a.test", password: PASSWORD, address: "192.0.2.1" })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("stores argon2id hashes, never the password", async () => {
    const { user } = await account("hash@a.test");
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });
});

describe("no user enumeration", () => {
  it("answers a known e-mail with a wrong password and an unknown e-mail alike, attempt after attempt", async () => {
    await account("known@enum.test");
    holdClock("2026-11-23T09:00:00Z");
    const known = await attempts(12, "known@enum.test", "wrong-password", "192.0.2.10");
    const unknown = await attempts(12, "nobody@enum.test", "wrong-password", "192.0.2.11");
    expect(unknown).toEqual(known);
    expect(known).toEqual([...Array(5).fill(INVALID), ...Array(7).fill(wait(30))]);
  });

  it("writes the same rows for both, and nothing else", async () => {
    await account("rows@enum.test");
    const tables = async () => ({
      users: await db().user.count(),
      sessions: await db().authSession.count(),
      audit: await db().auditEvent.count(),
    });
    const before = await tables();
    holdClock("2026-11-23T10:00:00Z");
    const rowsAfter = async (email: string, address: string) => {
      const known = new Set((await db().rateLimiterFlexible.findMany({ select: { key: true } })).map((r) => r.key));
      await attempts(6, email, "wrong-password", address);
      const rows = await db().rateLimiterFlexible.findMany({ orderBy: { key: "asc" } });
      // The key's prefix (which limiter) and what it holds: the hashes differ by e-mail and address.
      return rows
        .filter((r) => !known.has(r.key))
        .map((r) => ({ limiter: r.key.split(":").slice(0, 2).join(":"), points: r.points, expire: r.expire }))
        .sort((a, b) => a.limiter.localeCompare(b.limiter));
    };
    const known = await rowsAfter("rows@enum.test", "192.0.2.20");
    const unknown = await rowsAfter("nobody-rows@enum.test", "192.0.2.21");
    expect(known.map((r) => r.limiter)).toEqual(["sign-in:account", "sign-in:address", "sign-in:waits"]);
    expect(unknown).toEqual(known);
    expect(await tables()).toEqual(before);
  });

  it("takes as long for an unknown e-mail as for a known one with a wrong password", async () => {
    await account("timing@enum.test");
    // Each attempt from an address of its own, so that none is throttled; known and unknown in
    // turns, so that the machine's changing load falls on both alike.
    let n = 0;
    const timed = async (email: string) => {
      const started = performance.now();
      expect(await attempt(email, "wrong-password", `198.18.${Math.floor(n / 250)}.${n++ % 250}`)).toBe(INVALID);
      return performance.now() - started;
    };
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 24; i++) {
      const k = await timed("timing@enum.test");
      const u = await timed(`nobody${i}@enum.test`);
      // The first rounds warm up the connections and argon2.
      if (i < 4) continue;
      knownMs.push(k);
      unknownMs.push(u);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(knownMs), median(unknownMs)];
    // Generous, for a busy machine: the same argon2 work on both sides is tens of ms, a skipped one all of it.
    expect(Math.abs(k - u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(Math.max(15, 0.35 * Math.max(k, u)));
  });
});

describe("throttling with growing waits", () => {
  it("waits 30 s after 5 failures in a row, then 1, 2, 4 minutes, one attempt between waits", async () => {
    await account("grow@throttle.test");
    const advance = holdClock("2026-11-23T11:00:00Z");
    const from = "192.0.2.30";
    expect(await attempts(5, "grow@throttle.test", "wrong", from)).toEqual(Array(5).fill(INVALID));
    expect(await attempt("grow@throttle.test", "wrong", from)).toBe(wait(30));
    advance(10);
    expect(await attempt("grow@throttle.test", "wrong", from)).toBe(wait(20));
    for (const next of [60, 120, 240]) {
      advance(next / 2 + 1);
      // One attempt when the wait is over; its failure starts a wait twice as long.
      expect(await attempt("grow@throttle.test", "wrong", from)).toBe(INVALID);
      expect(await attempt("grow@throttle.test", "wrong", from)).toBe(wait(next));
    }
  });

  it("refuses even the right password during a wait, lets it in after, and then starts afresh", async () => {
    const { user } = await account("owner@throttle.test");
    const advance = holdClock("2026-11-23T12:00:00Z");
    const from = "192.0.2.40";
    await attempts(5, "owner@throttle.test", "wrong", from);
    expect(await attempt("owner@throttle.test", PASSWORD, from)).toBe(wait(30));
    advance(31);
    expect(await attemptSignIn({ email: "owner@throttle.test", password: PASSWORD, address: from })).toEqual({ ok: true, userId: user.id });
    // The success forgot the failures: five free attempts again, then the first wait again.
    expect(await attempts(6, "owner@throttle.test", "wrong", from)).toEqual([...Array(5).fill(INVALID), wait(30)]);
  });

  it("never delays the owner at their own address for a stranger's failures from elsewhere", async () => {
    const { user } = await account("victim@throttle.test");
    holdClock("2026-11-23T13:00:00Z");
    const stranger = await attempts(12, "victim@throttle.test", "guess", "203.0.113.66");
    expect(stranger.filter((a) => a === INVALID)).toHaveLength(5);
    expect(stranger.at(-1)).toBe(wait(30));
    // The owner at their own address: no wait, and their own mistakes have their own free attempts.
    expect(await attempt("victim@throttle.test", "typo", "198.51.100.7")).toBe(INVALID);
    expect(await attemptSignIn({ email: "victim@throttle.test", password: PASSWORD, address: "198.51.100.7" })).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("counts parallel guesses before checking them: five at once use the free attempts, the rest wait", async () => {
    await account("burst@throttle.test");
    holdClock("2026-11-23T14:00:00Z");
    const answers = await Promise.all(Array.from({ length: 12 }, () => attempt("burst@throttle.test", "guess", "192.0.2.50")));
    expect(answers.filter((a) => a === INVALID)).toHaveLength(5);
    expect(answers.filter((a) => a?.startsWith("Слишком много попыток входа."))).toHaveLength(7);
  });

  it("gives an address SIGN_IN_RATE_LIMIT failures an hour over every e-mail, and a success back", async () => {
    await account("shared@throttle.test");
    holdClock("2026-11-23T15:00:00Z");
    const busy = "192.0.2.60";
    const key = `sign-in:address:${addressKey(busy)}`;
    const expire = BigInt(Date.now() + 10 * 60_000);
    // 99 of the 100 already used by failures this hour.
    await db().rateLimiterFlexible.create({ data: { key, points: 99, expire } });
    expect(await attempt("shared@throttle.test", PASSWORD, busy)).toBeNull();
    expect(await db().rateLimiterFlexible.findUnique({ where: { key } })).toMatchObject({ points: 99 });
    expect(await attempt("someone@throttle.test", "wrong", busy)).toBe(INVALID);
    // Used up: every e-mail from this address waits for the hour to end, the right password too.
    expect(await attempt("another@throttle.test", "wrong", busy)).toBe(wait(600));
    expect(await attempt("shared@throttle.test", PASSWORD, busy)).toBe(wait(600));
    expect(await attempt("shared@throttle.test", PASSWORD, "192.0.2.61")).toBeNull();
  });
});

describe("the address next-auth's authorize counts", () => {
  const authorize = (email: string, headers: Record<string, string>) =>
    (
      authOptions().providers[0]!.options as {
        authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
      }
    )
      .authorize({ email, password: "wrong-password" }, { headers })
      .catch((error: Error) => error.message);

  it("is the server's own header: a rotating X-Forwarded-For gives no extra attempts", async () => {
    await account("rotate@authorize.test");
    holdClock("2026-11-23T16:00:00Z");
    const answers = [];
    for (let i = 0; i < 7; i++) {
      answers.push(
        await authorize("rotate@authorize.test", { "x-forwarded-for": `198.51.100.${i}`, [CLIENT_ADDRESS_HEADER]: "192.0.2.70" }),
      );
    }
    expect(answers).toEqual([...Array(5).fill(INVALID), wait(30), wait(30)]);
    // Another client of the server is not affected.
    expect(await authorize("rotate@authorize.test", { [CLIENT_ADDRESS_HEADER]: "192.0.2.71" })).toBe(INVALID);
  });
});
