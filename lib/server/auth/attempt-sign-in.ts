import "server-only";
import { SIGN_IN_MESSAGES } from "@/lib/domain/auth/sign-in-throttle";
import { beginSignInAttempt, recordSignInFailure, recordSignInSuccess } from "@/lib/server/rate-limit/sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

export type SignInAttempt = { ok: true; userId: string } | { ok: false; message: string };

/**
 * One sign-in attempt from the client's address: the throttle first (a refusal checks no
 * password), then the password. Every refusal reads the same for a known and an unknown e-mail.
 */
export async function attemptSignIn(options: { email: string; password: string; address: string }): Promise<SignInAttempt> {
  const gate = await beginSignInAttempt({ email: options.email, address: options.address });
  if (!gate.allowed) return { ok: false, message: gate.message };
  const verified = await verifyCredentials(options);
  if (!verified.ok) {
    await recordSignInFailure(gate.ticket);
    return { ok: false, message: SIGN_IN_MESSAGES.INVALID };
  }
  await recordSignInSuccess(gate.ticket);
  return { ok: true, userId: verified.userId };
}
