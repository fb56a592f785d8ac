import type { Metadata } from "next";
import Link from "next/link";
import { FindingsTable } from "@/components/findings/findings-table";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { ZFindingListQuery } from "@/lib/schemas/finding";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listCampaigns } from "@/lib/server/campaigns/list-campaigns";
import { listMunicipalities } from "@/lib/server/directory/list-municipalities";
import { listFindings } from "@/lib/server/findings/list-findings";
import { ZCampaignListQuery } from "@/lib/schemas/campaign";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";

export const metadata: Metadata = { title: "Замечания" };

export default async function FindingsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZFindingListQuery.parse(await props.searchParams);
  const [page, campaigns, municipalities] = await Promise.all([
    listFindings({ scope, query }),
    listCampaigns({ scope, query: ZCampaignListQuery.parse({ pageSize: 100 }) }),
    listMunicipalities({ scope, query: ZMunicipalityListQuery.parse({ pageSize: 100 }) }),
  ]);
  return (
    <>
      <PageTitle
        title="Замечания"
        subtitle="Контроль за устранением выявленных недостатков: от выставления замечания до подтверждения устранения."
      />
      {query.blankId && (
        <p className="text-sm">
          Показаны замечания одного бланка.{" "}
          <Link href={`/blanks/${query.blankId}`} className="text-primary underline">
            Открыть бланк
          </Link>{" "}
          ·{" "}
          <Link href="/findings" className="text-primary underline">
            Все замечания
          </Link>
        </p>
      )}
      <Card>
        <FindingsTable
          page={page}
          query={query}
          campaigns={campaigns.rows.map((c) => ({ id: c.id, name: c.name }))}
          municipalities={municipalities.rows.map((m) => ({ id: m.id, name: m.name }))}
        />
      </Card>
    </>
  );
}
