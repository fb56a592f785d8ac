"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { createUser } from "@/lib/server/users/create-user";
import { grantMembership } from "@/lib/server/users/grant-membership";
import { revokeMembership } from "@/lib/server/users/revoke-membership";

const ADMIN = { role: ["REGION_ADMIN"] } as const;

export async function createUserAction(input: unknown) {
  return scopedAction(async (data: unknown, scope) => {
    const user = await createUser({ scope, input: data });
    revalidatePath("/region/users");
    return { id: user.id };
  }, ADMIN)(input);
}

export async function grantMembershipAction(input: { userId: string; grant: unknown }) {
  return scopedAction(async (data: typeof input, scope) => {
    await grantMembership({ scope, userId: data.userId, grant: data.grant });
    revalidatePath(`/region/users/${data.userId}`);
    return null;
  }, ADMIN)(input);
}

export async function revokeMembershipAction(input: { userId: string; membershipId: string }) {
  return scopedAction(async (data: typeof input, scope) => {
    await revokeMembership({ scope, membershipId: data.membershipId });
    revalidatePath(`/region/users/${data.userId}`);
    return null;
  }, ADMIN)(input);
}
