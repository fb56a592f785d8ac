"use server";

import { ALL_ROLES } from "@/lib/roles";
import { ZNoInput } from "@/lib/schemas/z";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { scopedAction } from "@/lib/server/auth/with-scope";

/**
 * «Выйти на всех устройствах»: ends every session of the caller, this one too
 * (the browser then signs out its own cookie and goes to /login).
 */
export const signOutEverywhereAction = scopedAction(ZNoInput, { role: ALL_ROLES }, async (_, scope) => {
  await signOutEverywhere({ userId: scope.userId });
  return null;
});
