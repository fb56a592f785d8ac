import "server-only";
import { clientIp } from "./client-ip";
import { hitRateLimit, type RateLimitHit } from "./hit-rate-limit";
import { RATE_LIMIT_MESSAGES, signInKey, signInPolicy } from "./policies";

export type SignInGate =
  | { allowed: true; hit: RateLimitHit | null }
  | { allowed: false; message: string; retryAfterSeconds: number };

/**
 * Counts a sign-in attempt against its address before the password is checked
 * (so parallel guesses are all counted). Refused: the Russian message for the form.
 * A successful sign-in should give `hit` back (refundRateLimit).
 */
export async function checkSignInRateLimit(
  headers: Parameters<typeof clientIp>[0],
  now?: Date,
): Promise<SignInGate> {
  const policy = signInPolicy();
  if (!policy) return { allowed: true, hit: null };
  const hit = await hitRateLimit({ key: signInKey(clientIp(headers)), ...policy, now });
  if (hit.allowed) return { allowed: true, hit };
  const minutes = Math.max(1, Math.ceil(hit.retryAfterSeconds / 60));
  return { allowed: false, message: RATE_LIMIT_MESSAGES.signIn(minutes), retryAfterSeconds: hit.retryAfterSeconds };
}
