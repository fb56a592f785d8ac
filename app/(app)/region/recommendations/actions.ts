"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { saveRecommendations } from "@/lib/server/recommendations/save-recommendations";

export async function saveRecommendationsAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      await saveRecommendations({ scope, input: data });
      revalidatePath("/region/recommendations");
      return null;
    },
    { role: ["REGION_ADMIN"] },
  )(input);
}
