"use server";

import { revalidatePath } from "next/cache";
import { REGION_ADMINS } from "@/lib/roles";
import { ZRecommendations } from "@/lib/schemas/recommendation";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { saveRecommendations } from "@/lib/server/recommendations/save-recommendations";

export const saveRecommendationsAction = scopedAction(ZRecommendations, { role: REGION_ADMINS }, async (input, scope) => {
  await saveRecommendations({ scope, input });
  revalidatePath("/region/recommendations");
  return null;
});
