import "server-only";
import { assertPasswordAllowed } from "@/lib/server/auth/assert-password-allowed";
import { AppError } from "@/lib/errors";
import { membershipRow, type Scope } from "@/lib/scope";
import type { TUserCreate } from "@/lib/schemas/user";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db/client";
import { resolveMembership } from "@/lib/server/directory/resolve-membership";
import { OWN_EMAIL_ERRORS, refuseSelfGrant } from "./refuse-self-grant";

/**
 * A region admin creates a user with memberships inside their region(s). The
 * password follows the policy (lib/domain/auth/password-policy.ts): the admin's form, the
 * CLI's `user create` and a coordinator's invitation all come through here.
 */
export async function createUser(options: { scope: Scope; input: TUserCreate }) {
  const { input } = options;
  assertPasswordAllowed(input.password);
  const memberships = [];
  for (const grant of input.memberships) {
    memberships.push(await resolveMembership({ scope: options.scope, grant }));
  }
  const exists = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (exists) {
    refuseSelfGrant(options.scope, exists.id, OWN_EMAIL_ERRORS);
    throw new AppError("CONFLICT", "Пользователь с таким адресом уже существует.", {
      email: ["Этот адрес уже занят."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const rows = memberships.map((m) => membershipRow("", m));
  const unique = new Map(rows.map((row) => [`${row.role}/${row.scopeId}`, row]));
  return db().user.create({
    data: {
      email: input.email,
      name: input.name,
      passwordHash,
      memberships: {
        create: [...unique.values()].map(({ userId: _, ...row }) => row),
      },
    },
    select: { id: true, email: true, name: true },
  });
}
