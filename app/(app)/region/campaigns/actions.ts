"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { CAMPAIGN_MANAGERS } from "@/lib/server/campaigns/campaign-access";
import { createCampaign } from "@/lib/server/campaigns/create-campaign";
import { startCampaignFromPrevious } from "@/lib/server/campaigns/start-campaign-from-previous";

export async function createCampaignAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      const campaign = await createCampaign({ scope, input: data });
      revalidatePath("/region/campaigns");
      return { id: campaign.id };
    },
    { role: CAMPAIGN_MANAGERS },
  )(input);
}

export async function startFromPreviousAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      const campaign = await startCampaignFromPrevious({ scope, input: data });
      revalidatePath("/region/campaigns");
      return { id: campaign.id };
    },
    { role: CAMPAIGN_MANAGERS },
  )(input);
}
