import type { Metadata } from "next";
import { DocumentForm } from "@/components/documents/document-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listDocumentOwners } from "@/lib/server/documents/list-document-owners";

export const metadata: Metadata = { title: "Новый документ" };

export default async function NewDocumentPage() {
  const scope = await requireScope({ role: ALL_ROLES });
  const owners = await listDocumentOwners({ scope });
  return (
    <>
      <PageTitle crumbs={[{ label: "Документы", href: "/documents" }, { label: "Новый документ" }]} title="Новый документ реестра" />
      <Card>
        <DocumentForm owners={owners} />
      </Card>
    </>
  );
}
