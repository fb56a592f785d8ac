import "server-only";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { SELF_GRANT_MESSAGE } from "@/lib/domain/separation-of-duties";

/** Where a form names the user by e-mail (a new user, an invitation), the message beside that field. */
export const OWN_EMAIL_ERRORS = { email: ["Это ваш адрес: роли вам назначает другой администратор."] };

/**
 * Separation of duties: nobody gives themselves a role, whichever way the role
 * would reach them (a grant, a new user with their own e-mail, an invitation).
 * The command line acts as nobody (lib/cli/admin-scope.ts), so the server's
 * console can still create the first admin.
 */
export function refuseSelfGrant(scope: Scope, userId: string, fieldErrors?: FieldErrors) {
  if (userId === scope.userId) throw new AppError("FORBIDDEN", SELF_GRANT_MESSAGE, fieldErrors);
}
