import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { ZAuditListQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { requireScope } from "@/lib/server/auth/with-scope";
import { REGION_ADMINS } from "@/lib/roles";

export const metadata: Metadata = { title: "Журнал изменений" };

/** The audit trail of the admin's region: every change and every read of a student's card, newest first. */
export default async function AuditPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: REGION_ADMINS });
  const query = ZAuditListQuery.parse(await props.searchParams);
  const page = await listAuditEvents({ scope, query });
  return (
    <>
      <PageTitle
        title="Журнал изменений"
        subtitle={`${[...new Set(scope.memberships.map((m) => m.scopeName))].join(", ")} · кто, когда и что создал, изменил, удалил, просмотрел или стёр по запросу; время московское`}
      />
      <Card>
        <AuditTable page={page} query={query} />
      </Card>
    </>
  );
}
