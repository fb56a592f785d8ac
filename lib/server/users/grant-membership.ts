import "server-only";
import { notFound } from "@/lib/errors";
import { membershipRow, userWhere, type Scope } from "@/lib/scope";
import type { TMembershipGrant } from "@/lib/schemas/user";
import { db } from "@/lib/server/db/client";
import { resolveMembership } from "@/lib/server/directory/resolve-membership";
import { refuseSelfGrant } from "./refuse-self-grant";

/** Gives a role to another user the admin can see; giving one twice changes nothing. */
export async function grantMembership(options: { scope: Scope; userId: string; grant: TMembershipGrant }) {
  const { grant } = options;
  const user = await db().user.findFirst({ where: { AND: [{ id: options.userId }, userWhere(options.scope)] } });
  if (!user) throw notFound("Пользователь не найден.");
  refuseSelfGrant(options.scope, user.id);
  const m = await resolveMembership({ scope: options.scope, grant });
  const row = membershipRow(user.id, m);
  return db().membership.upsert({
    where: { userId_role_scopeId: { userId: user.id, role: row.role, scopeId: row.scopeId } },
    update: {},
    create: row,
  });
}
