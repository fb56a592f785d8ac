import type { Metadata } from "next";
import { BlanksTable } from "@/components/blanks/blanks-table";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { ZBlankListQuery } from "@/lib/schemas/campaign";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listBlankFilters } from "@/lib/server/blanks/list-blank-filters";
import { listBlanks } from "@/lib/server/blanks/list-blanks";

export const metadata: Metadata = { title: "Бланки" };

export default async function BlanksPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZBlankListQuery.parse(await props.searchParams);
  const [page, filters] = await Promise.all([listBlanks({ scope, query }), listBlankFilters({ scope })]);
  return (
    <>
      <PageTitle title="Бланки соответствия" />
      <Card>
        <BlanksTable page={page} query={query} campaigns={filters.campaigns} municipalities={filters.municipalities} />
      </Card>
    </>
  );
}
