import type { Metadata } from "next";
import Link from "next/link";
import { SupersedeForm } from "@/components/documents/supersede-form";
import { PageTitle } from "@/components/shell/page-title";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { ALL_ROLES } from "@/lib/roles";
import { describeRequisites } from "@/lib/schemas/document";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getDocument } from "@/lib/server/documents/get-document";
import { listDocumentsForOwner } from "@/lib/server/documents/list-documents-for-owner";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Документ" };

export default async function DocumentPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const doc = await orNotFound(() => getDocument({ scope, id: idParam(id) }));
  // A document naming a child is replaced only by another such document, which the registry's pickers do not offer.
  const candidates =
    doc.status === "IN_FORCE" && doc.municipalityId && !doc.childData
      ? (await listDocumentsForOwner({ scope, municipalityId: doc.municipalityId, organizationId: doc.organizationId }))
          .filter((d) => d.id !== doc.id)
          .map((d) => ({
            id: d.id,
            label: describeRequisites({
              ...d,
              issuer: d.issuer || null,
              date: d.date || null,
              number: d.number || null,
              title: d.title || null,
            }),
          }))
      : [];
  return (
    <>
      <PageTitle
        crumbs={[{ label: "Документы", href: "/documents" }, { label: describeRequisites(doc) }]}
        title={describeRequisites(doc)}
        subtitle={doc.owner}
        actions={
          <>
            {doc.childData && (
              <Badge title="Видят только координатор школы и аудиторы региона; каждое открытие записывается">о ребёнке</Badge>
            )}
            <Badge>{doc.status === "IN_FORCE" ? "действует" : "заменён"}</Badge>
          </>
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">Вид</dt>
          <dd>{doc.type}</dd>
          <dt className="font-medium">Кем издан</dt>
          <dd>{doc.issuer ?? "—"}</dd>
          <dt className="font-medium">Дата</dt>
          <dd>{formatDate(doc.date) || "—"}</dd>
          <dt className="font-medium">Номер</dt>
          <dd>{doc.number ?? "—"}</dd>
          <dt className="font-medium">Наименование</dt>
          <dd>{doc.title ?? "—"}</dd>
          <dt className="font-medium">Файл</dt>
          <dd>
            {doc.file ? (
              <a className="text-primary underline" href={`/api/files/${doc.file.id}`}>
                {doc.file.name}
              </a>
            ) : (
              "—"
            )}
          </dd>
          {doc.supersededBy && (
            <>
              <dt className="font-medium">Заменён документом</dt>
              <dd>
                <Link className="text-primary underline" href={`/documents/${doc.supersededBy.id}`}>
                  {describeRequisites(doc.supersededBy)}
                </Link>
              </dd>
            </>
          )}
        </dl>
      </Card>
      {doc.status === "IN_FORCE" && !doc.childData && (
        <Card>
          <CardTitle>Замена документа</CardTitle>
          <SupersedeForm documentId={doc.id} candidates={candidates} />
        </Card>
      )}
      <Card>
        <CardTitle>Где используется</CardTitle>
        {doc.usedIn.length === 0 ? (
          <p className="text-muted-foreground">Документ пока не указан ни в одном бланке.</p>
        ) : (
          <ul className="list-disc pl-6" aria-label="Где используется">
            {doc.usedIn.map((use) => (
              <li key={`${use.blank.id}-${use.itemKey}`}>
                <Link className="text-primary underline" href={`/blanks/${use.blank.id}`}>
                  {use.blank.templateVersion.template.name}
                </Link>{" "}
                — {use.blank.campaign.name}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
