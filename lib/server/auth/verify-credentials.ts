import "server-only";
import { normaliseEmail } from "@/lib/domain/auth/sign-in-throttle";
import { db } from "@/lib/server/db/client";
import { verifyAgainstDummy, verifyPassword } from "./password";

export type CredentialsCheck = { ok: true; userId: string } | { ok: false; reason: "INVALID" };

/**
 * Checks an e-mail and password. An unknown e-mail does the same work as a known one (one read,
 * one argon2 verification, against a dummy hash) and writes nothing, as a wrong password does,
 * so neither the answer nor its time tells whether an account exists.
 */
export async function verifyCredentials(options: { email: string; password: string }): Promise<CredentialsCheck> {
  const user = await db().user.findUnique({ where: { email: normaliseEmail(options.email) }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, options.password) : await verifyAgainstDummy(options.password);
  return user && valid ? { ok: true, userId: user.id } : { ok: false, reason: "INVALID" };
}
