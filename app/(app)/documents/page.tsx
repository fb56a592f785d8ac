import type { Metadata } from "next";
import Link from "next/link";
import { DocumentsTable } from "@/components/documents/documents-table";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { ZDocumentListQuery } from "@/lib/schemas/document";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listDocuments } from "@/lib/server/documents/list-documents";

export const metadata: Metadata = { title: "Реестр документов" };

export default async function DocumentsPage(props: { searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const query = ZDocumentListQuery.parse(await props.searchParams);
  const page = await listDocuments({ scope, query });
  return (
    <>
      <PageTitle
        title="Реестр документов"
        subtitle="Приказы, положения, соглашения, протоколы и письма с их реквизитами"
        actions={
          <Button asChild>
            <Link href="/documents/new">Добавить документ</Link>
          </Button>
        }
      />
      <Card>
        <DocumentsTable page={page} query={query} />
      </Card>
    </>
  );
}
