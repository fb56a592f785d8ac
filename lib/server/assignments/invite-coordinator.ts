import "server-only";
import { userWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { createUser } from "@/lib/server/users/create-user";
import { grantMembership } from "@/lib/server/users/grant-membership";
import { OWN_EMAIL_ERRORS, refuseSelfGrant } from "@/lib/server/users/refuse-self-grant";
import type { CoordinatorRole } from "@/lib/roles";

/**
 * Gives an appointed coordinator their account: a user of the admin's region
 * with that e-mail gets the coordinator's role added; otherwise a new user is
 * created with it and the initial password. The user administration's own
 * operations do the work (and their checks: region admins only, the subject in
 * the admin's region, an e-mail taken in another region is a conflict, nobody
 * invites themselves — refused here already, to point at the e-mail field).
 */
export async function inviteCoordinator(options: {
  scope: Scope;
  role: CoordinatorRole;
  subjectId: string;
  email: string;
  name: string;
  password: string;
}): Promise<{ userId: string; created: boolean }> {
  const grant = { role: options.role, scopeId: options.subjectId };
  const existing = await db().user.findFirst({
    where: { AND: [{ email: options.email }, userWhere(options.scope)] },
    select: { id: true },
  });
  if (existing) {
    refuseSelfGrant(options.scope, existing.id, OWN_EMAIL_ERRORS);
    await grantMembership({ scope: options.scope, userId: existing.id, grant });
    return { userId: existing.id, created: false };
  }
  const user = await createUser({
    scope: options.scope,
    input: { email: options.email, name: options.name, password: options.password, memberships: [grant] },
  });
  return { userId: user.id, created: true };
}
