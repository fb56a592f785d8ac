import type { Metadata } from "next";
import { BlanksTable } from "@/components/blanks/blanks-table";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { ZBlankListQuery, ZCampaignListQuery } from "@/lib/schemas/campaign";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listBlanks } from "@/lib/server/blanks/list-blanks";
import { listCampaigns } from "@/lib/server/campaigns/list-campaigns";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";

export const metadata: Metadata = { title: "Бланки" };

export default async function BlanksPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZBlankListQuery.parse(await props.searchParams);
  const [page, campaigns, municipalities] = await Promise.all([
    listBlanks({ scope, query }),
    listCampaigns({ scope, query: ZCampaignListQuery.parse({ pageSize: 100 }) }),
    listMunicipalities({ scope, query: ZMunicipalityListQuery.parse({ pageSize: 100 }) }),
  ]);
  return (
    <>
      <PageTitle title="Бланки соответствия" />
      <Card>
        <BlanksTable
          page={page}
          query={query}
          campaigns={campaigns.rows.map((c) => ({ id: c.id, name: c.name }))}
          municipalities={municipalities.rows.map((m) => ({ id: m.id, name: m.name }))}
        />
      </Card>
    </>
  );
}
