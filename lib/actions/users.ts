"use server";

import { revalidatePath } from "next/cache";
import { REGION_ADMINS } from "@/lib/roles";
import { ZMembershipRevoke, ZUserCreate, ZUserGrant } from "@/lib/schemas/user";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { createUser } from "@/lib/server/users/create-user";
import { grantMembership } from "@/lib/server/users/grant-membership";
import { revokeMembership } from "@/lib/server/users/revoke-membership";

const ADMINS = { role: REGION_ADMINS };

export const createUserAction = scopedAction(ZUserCreate, ADMINS, async (input, scope) => {
  const user = await createUser({ scope, input });
  revalidatePath("/region/users");
  return { id: user.id };
});

export const grantMembershipAction = scopedAction(ZUserGrant, ADMINS, async ({ userId, ...grant }, scope) => {
  await grantMembership({ scope, userId, grant });
  revalidatePath(`/region/users/${userId}`);
  return null;
});

export const revokeMembershipAction = scopedAction(ZMembershipRevoke, ADMINS, async (input, scope) => {
  await revokeMembership({ scope, membershipId: input.membershipId });
  revalidatePath(`/region/users/${input.userId}`);
  return null;
});
