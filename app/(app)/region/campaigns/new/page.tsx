import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listCampaignOptions } from "@/lib/server/campaigns/list-campaign-options";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";

export const metadata: Metadata = { title: "Новая кампания" };

export default async function NewCampaignPage() {
  const scope = await requireScope({ role: CAMPAIGN_MANAGERS });
  const options = await listCampaignOptions({ scope });
  return (
    <>
      <PageTitle crumbs={[{ label: "Кампании", href: "/region/campaigns" }, { label: "Новая кампания" }]} title="Новая кампания" />
      <Card>
        <CampaignForm options={options} />
      </Card>
    </>
  );
}
