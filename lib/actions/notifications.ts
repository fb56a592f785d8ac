"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES } from "@/lib/roles";
import { ZNoInput } from "@/lib/schemas/z";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";

export const markAllReadAction = scopedAction(ZNoInput, { role: ALL_ROLES }, async (_, scope) => {
  const result = await markNotificationsRead({ scope });
  revalidatePath("/", "layout");
  return result;
});
