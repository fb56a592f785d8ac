import "server-only";
import { env } from "@/lib/env";

export interface RateLimitPolicy {
  limit: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** Sign-in attempts per IP address in 10 minutes (SIGN_IN_RATE_LIMIT); null when off. */
export function signInPolicy(): RateLimitPolicy | null {
  const limit = env().SIGN_IN_RATE_LIMIT;
  return limit > 0 ? { limit, windowMs: 10 * MINUTE_MS } : null;
}

/** Downloads per user in a minute (EXPORT_RATE_LIMIT); null when off. */
export function exportPolicy(): RateLimitPolicy | null {
  const limit = env().EXPORT_RATE_LIMIT;
  return limit > 0 ? { limit, windowMs: MINUTE_MS } : null;
}

/** Counters are deleted this long after their window began: longer than any window above. */
export const RATE_LIMIT_RETENTION_MS = 60 * MINUTE_MS;

export const signInKey = (ip: string) => `sign-in:ip:${ip}`;
export const exportKey = (userId: string) => `export:user:${userId}`;

export const RATE_LIMIT_MESSAGES = {
  signIn: (minutes: number) =>
    `Слишком много попыток входа с этого адреса. Повторите попытку через ${minutes} мин.`,
  exports: (seconds: number) =>
    `Слишком много выгрузок за минуту. Повторите попытку через ${seconds} с.`,
} as const;
