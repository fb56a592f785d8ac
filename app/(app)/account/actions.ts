"use server";

import { ROLES } from "@/lib/scope";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { scopedAction } from "@/lib/server/auth/with-scope";

/**
 * «Выйти на всех устройствах»: ends every session of the caller, this one too
 * (the browser then signs out its own cookie and goes to /login).
 */
export async function signOutEverywhereAction() {
  return scopedAction(
    async (_: null, scope) => {
      await signOutEverywhere({ userId: scope.userId });
      return null;
    },
    { role: ROLES },
  )(null);
}
