/** Lock-out policy: pure, so the rule is tested without a clock or a database. */
export const MAX_FAILED_ATTEMPTS = 10;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

/**
 * Failures count from the latest of: the window start, the last success, the end
 * of the last lock-out (a lock that has ended starts a fresh count).
 */
export function countingSince(now: Date, lastSuccessAt: Date | null, lockedUntil: Date | null): Date {
  const windowStart = now.getTime() - LOCK_WINDOW_MS;
  return new Date(Math.max(windowStart, lastSuccessAt?.getTime() ?? 0, lockedUntil?.getTime() ?? 0));
}

export function minutesLeft(now: Date, lockedUntil: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000));
}

export const SIGN_IN_MESSAGES = {
  INVALID: "Неверный адрес электронной почты или пароль.",
  locked: (minutes: number) =>
    `Учётная запись заблокирована на 15 минут после ${MAX_FAILED_ATTEMPTS} неудачных попыток входа. Повторите попытку через ${minutes} мин.`,
} as const;
