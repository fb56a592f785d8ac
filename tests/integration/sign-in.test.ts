import { describe, expect, it } from "vitest";
import { LOCK_DURATION_MS, SIGN_IN_MESSAGES } from "@/lib/server/auth/lockout";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

const PASSWORD = "right-password-2026";
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

async function account(email: string) {
  const { regionA } = await buildTwoTenants();
  return userWithRole(email, "REGION_AUDITOR", { regionId: regionA.id }, PASSWORD);
}

describe("sign-in", () => {
  it("accepts the right password, whatever the e-mail's case and spaces", async () => {
    const { user } = await account("auditor@a.test");
    expect(await verifyCredentials({ email: "  Auditor@A.test ", password: PASSWORD })).toEqual({ ok: true, userId: user.id });
  });

  it("answers a wrong password and an unknown e-mail alike", async () => {
    await account("alike@a.test");
    const wrong = await verifyCredentials({ email: "alike@a.test", password: "wrong-password" });
    const unknown = await verifyCredentials({ email: "nobody@a.test", password: PASSWORD });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(SIGN_IN_MESSAGES.INVALID).toBe("Неверный адрес электронной почты или пароль.");
  });

  it("locks the account for 15 minutes after 10 failures within 15 minutes", async () => {
    const { user } = await account("locked@a.test");
    const start = new Date("2026-11-23T09:00:00Z");
    for (let i = 0; i < 9; i++) {
      expect(await verifyCredentials({ email: "locked@a.test", password: "bad", now: at(start, i) })).toMatchObject({
        reason: "INVALID",
      });
    }
    const tenth = await verifyCredentials({ email: "locked@a.test", password: "bad", now: at(start, 9) });
    expect(tenth).toMatchObject({ ok: false, reason: "LOCKED" });
    // Even the right password is refused while locked.
    expect(await verifyCredentials({ email: "locked@a.test", password: PASSWORD, now: at(start, 10) })).toMatchObject({
      reason: "LOCKED",
    });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil?.getTime()).toBe(at(start, 9).getTime() + LOCK_DURATION_MS);
    // After the lock-out the right password works again.
    expect(await verifyCredentials({ email: "locked@a.test", password: PASSWORD, now: at(start, 25) })).toMatchObject({
      ok: true,
    });
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    await account("slow@a.test");
    const start = new Date("2026-11-23T09:00:00Z");
    for (let i = 0; i < 12; i++) {
      const result = await verifyCredentials({ email: "slow@a.test", password: "bad", now: at(start, i * 2) });
      expect(result).toMatchObject({ reason: "INVALID" });
    }
  });

  it("starts counting again after a successful sign-in", async () => {
    await account("reset@a.test");
    const start = new Date("2026-11-23T09:00:00Z");
    for (let i = 0; i < 9; i++) await verifyCredentials({ email: "reset@a.test", password: "bad", now: at(start, i * 0.1) });
    await verifyCredentials({ email: "reset@a.test", password: PASSWORD, now: at(start, 1) });
    for (let i = 0; i < 9; i++) {
      const result = await verifyCredentials({ email: "reset@a.test", password: "bad", now: at(start, 1.1 + i * 0.1) });
      expect(result).toMatchObject({ reason: "INVALID" });
    }
  });

  it("stores argon2id hashes, never the password", async () => {
    const { user } = await account("hash@a.test");
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });
});
