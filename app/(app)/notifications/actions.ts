"use server";

import { revalidatePath } from "next/cache";
import { ROLES } from "@/lib/scope";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";

export async function markAllReadAction() {
  return scopedAction(
    async (_: null, scope) => {
      const result = await markNotificationsRead({ scope });
      revalidatePath("/", "layout");
      return result;
    },
    { role: ROLES },
  )(null);
}
