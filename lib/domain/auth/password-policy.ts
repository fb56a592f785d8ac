/**
 * The password policy for every password a person sets (a new user, an invited
 * coordinator): pure, so the rule is tested without a file or a database. The list
 * of breached passwords is handed in (lib/server/auth/breached-passwords.ts reads it once).
 *
 * - at least MIN_PASSWORD_LENGTH characters;
 * - not one of the most common breached passwords (breached-passwords.txt), whatever its case;
 * - in production (NODE_ENV=production) not one of the published demo passwords,
 *   which the README and the seed print for anyone to read.
 */

export const MIN_PASSWORD_LENGTH = 10;

/** The demo and generated accounts' passwords: public, so never a real account's in production. */
export const DEMO_PASSWORDS: readonly string[] = ["demo-password-2026", "demo-data-password-2026", "bench-password-2026"];

export const PASSWORD_MESSAGES = {
  // Word for word the schemas' own message (lib/schemas/user.ts), so a form shows one text for one rule.
  TOO_SHORT: `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов.`,
  BREACHED: "Этот пароль есть в списках утёкших паролей, его подбирают первым. Придумайте другой.",
  DEMO: "Это пароль демонстрационных учётных записей, он опубликован. Придумайте другой.",
} as const;

export interface PasswordPolicyContext {
  /** Lower-cased breached passwords (see parseBreachedPasswords). */
  breached: ReadonlySet<string>;
  /** NODE_ENV=production: the demo passwords are refused too. */
  production: boolean;
}

/** Comparison is case-insensitive: «Password123» is as well known as «password123». */
function normalise(password: string): string {
  return password.trim().toLowerCase();
}

/** The breached-passwords file, one a line, as a set to look passwords up in. */
export function parseBreachedPasswords(text: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const password = normalise(line);
    if (password) set.add(password);
  }
  return set;
}

/** The first rule a password breaks, as a Russian message for its field; null when it may be used. */
export function passwordProblem(password: string, context: PasswordPolicyContext): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.TOO_SHORT;
  const normalised = normalise(password);
  if (context.production && DEMO_PASSWORDS.includes(normalised)) return PASSWORD_MESSAGES.DEMO;
  if (context.breached.has(normalised)) return PASSWORD_MESSAGES.BREACHED;
  return null;
}
