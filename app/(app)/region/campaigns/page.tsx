import type { Metadata } from "next";
import Link from "next/link";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ZCampaignListQuery } from "@/lib/schemas/campaign";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listCampaigns } from "@/lib/server/campaigns/list-campaigns";
import { CAMPAIGN_MANAGERS } from "@/lib/roles";

export const metadata: Metadata = { title: "Кампании" };

export default async function CampaignsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: CAMPAIGN_MANAGERS });
  const query = ZCampaignListQuery.parse({ sort: "date", ...(await props.searchParams) });
  const page = await listCampaigns({ scope, query });
  return (
    <>
      <PageTitle
        title="Кампании методического аудита"
        actions={
          <Button asChild>
            <Link href="/region/campaigns/new">Новая кампания</Link>
          </Button>
        }
      />
      <Card>
        <CampaignsTable page={page} query={query} />
      </Card>
    </>
  );
}
