import { createHash } from "node:crypto";

/**
 * The sign-in throttle's rules, pure (lib/server/rate-limit/sign-in-throttle.ts applies them with
 * rate-limiter-flexible). Nothing here depends on whether an account exists: the keys are the
 * e-mail as typed (normalised) and the address, so an unknown e-mail is throttled exactly as a
 * known one, and a stranger's failures from elsewhere never touch the owner's own address.
 */

/** Failures in a row an e-mail may have from one address before the waits begin. */
export const FREE_ATTEMPTS = 5;
/** The window the free attempts are counted in, from the first failure. */
export const FREE_WINDOW_SECONDS = 15 * 60;
/** The first wait; each further failure doubles it, up to MAX_DELAY_SECONDS. */
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 60 * 60;
/** How long the number of waits is remembered, from the first: a success forgets it at once. */
export const WAITS_MEMORY_SECONDS = 24 * 60 * 60;
/** The window of the per-address budget (SIGN_IN_RATE_LIMIT failures), from its first failure. */
export const ADDRESS_WINDOW_SECONDS = 60 * 60;

/** The wait after the `wait`-th block in a row (1-based): 30 s, 1 min, 2 min, … one hour at most. */
export function delaySeconds(wait: number): number {
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.max(0, wait - 1));
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The store's key of an e-mail from an address, and of an address: hashed, so that the table keeps
 * neither the e-mails strangers type nor addresses, and every key fits its varchar(255).
 */
export function accountKey(email: string, address: string): string {
  return createHash("sha256")
    .update(`${normaliseEmail(email)}\n${address}`)
    .digest("base64url");
}

export function addressKey(address: string): string {
  return createHash("sha256").update(address).digest("base64url");
}

/** «через 30 с» under a minute, «через 2 мин» above: a wait a person can read, never less than a second. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин`;
}

export const SIGN_IN_MESSAGES = {
  /** A wrong password and an unknown e-mail alike. */
  INVALID: "Неверный адрес электронной почты или пароль.",
  /** The sign-in could not be checked (the database failed): nothing about why. */
  FAILED: "Не удалось войти. Повторите попытку позже.",
  /** The same for every e-mail, known or not, and for the per-address budget. */
  tooMany: (ms: number) => `Слишком много попыток входа. Повторите попытку через ${waitText(ms)}.`,
} as const;
