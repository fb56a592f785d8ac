import "server-only";
import { db } from "@/lib/server/db/client";
import {
  LOCK_DURATION_MS,
  MAX_FAILED_ATTEMPTS,
  countingSince,
} from "./lockout";
import { verifyAgainstDummy, verifyPassword } from "./password";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and applies the lock-out: after 10 failures within 15 minutes
 * the account is locked for 15 minutes. Unknown e-mail and wrong password answer alike.
 */
export async function verifyCredentials(options: {
  email: string;
  password: string;
  now?: Date;
}): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const user = await db().user.findUnique({ where: { email: normaliseEmail(options.email) } });
  if (!user) {
    await verifyAgainstDummy(options.password);
    return { ok: false, reason: "INVALID" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil };
  }
  const valid = await verifyPassword(user.passwordHash, options.password);
  await db().signInAttempt.create({ data: { userId: user.id, succeeded: valid, createdAt: now } });
  if (valid) return { ok: true, userId: user.id };

  const lastSuccess = await db().signInAttempt.findFirst({
    where: { userId: user.id, succeeded: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db().signInAttempt.count({
    where: {
      userId: user.id,
      succeeded: false,
      createdAt: { gt: countingSince(now, lastSuccess?.createdAt ?? null, user.lockedUntil) },
    },
  });
  if (failures >= MAX_FAILED_ATTEMPTS) {
    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    await db().user.update({ where: { id: user.id }, data: { lockedUntil } });
    return { ok: false, reason: "LOCKED", lockedUntil };
  }
  return { ok: false, reason: "INVALID" };
}
