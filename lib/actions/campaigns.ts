"use server";

import { revalidatePath } from "next/cache";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";
import { ZCampaignCreate, ZCampaignFromPrevious } from "@/lib/schemas/campaign";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { createCampaign } from "@/lib/server/campaigns/create-campaign";
import { startCampaignFromPrevious } from "@/lib/server/campaigns/start-campaign-from-previous";

export const createCampaignAction = scopedAction(ZCampaignCreate, { role: CAMPAIGN_MANAGERS }, async (input, scope) => {
  const campaign = await createCampaign({ scope, input });
  revalidatePath("/region/campaigns");
  return { id: campaign.id };
});

export const startFromPreviousAction = scopedAction(ZCampaignFromPrevious, { role: CAMPAIGN_MANAGERS }, async (input, scope) => {
  const campaign = await startCampaignFromPrevious({ scope, input });
  revalidatePath("/region/campaigns");
  return { id: campaign.id };
});
