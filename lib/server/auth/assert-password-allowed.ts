import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { breachedPasswords } from "./breached-passwords";
import { passwordProblem } from "@/lib/domain/auth/password-policy";

/**
 * Refuses a password that breaks the policy (lib/domain/auth/password-policy.ts) with a
 * VALIDATION error on its field, as a schema would. Called wherever a password is
 * set: creating a user (the admin's form, the CLI, a coordinator's invitation).
 */
export function assertPasswordAllowed(password: string, field = "password"): void {
  const problem = passwordProblem(password, {
    breached: breachedPasswords(),
    production: env().NODE_ENV === "production",
  });
  if (problem) throw new AppError("VALIDATION", "Проверьте заполнение полей.", { [field]: [problem] });
}
