import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { DocumentLinks } from "@/components/reports/document-links";
import { ExportLinks } from "@/components/templates/export-links";
import { NewVersionButton } from "@/components/templates/new-version-button";
import { PrintButton } from "@/components/templates/print-button";
import { PrintedBlank } from "@/components/templates/printed-blank";
import { TemplateEditor } from "@/components/templates/template-editor";
import { formatDate, VERSION_STATUS_LABELS } from "@/components/templates/version-labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SuccessNotice } from "@/components/ui/success-notice";
import { staffRegionIds } from "@/lib/scope";
import { REGION_STAFF, TEMPLATE_EDITORS } from "@/lib/roles";
import { TEMPLATE_LEVEL_LABELS } from "@/lib/schemas/template";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getTemplateVersion } from "@/lib/server/templates/get-template-version";

export const metadata: Metadata = { title: "Шаблон бланка" };

/** A published version prints read-only; a draft opens in the editor for its region's admins. */
export default async function TemplateVersionPage(props: {
  params: Promise<{ versionId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const scope = await requireScope({ role: REGION_STAFF });
  const { versionId } = await props.params;
  const created = (await props.searchParams).done === "created";
  const version = await orNotFound(() => getTemplateVersion({ scope, id: idParam(versionId) }));
  const { template } = version;
  const editor = staffRegionIds(scope, TEMPLATE_EDITORS).includes(template.regionId);
  const draft = version.status === "DRAFT";
  const dated = version.publishedAt ? `опубликована ${formatDate(version.publishedAt)}` : VERSION_STATUS_LABELS[version.status];

  return (
    <>
      <PageTitle
        crumbs={[{ label: "Шаблоны", href: "/region/templates" }, { label: `${template.name}, версия ${version.version}` }]}
        title={template.name}
        subtitle={`${TEMPLATE_LEVEL_LABELS[template.level]} · версия ${version.version} · ${dated}`}
        actions={
          <div className="flex flex-wrap items-start gap-2 print:hidden">
            <Button asChild variant="outline">
              <Link href="/region/templates">Все шаблоны</Link>
            </Button>
            <ExportLinks templateId={template.id} version={version.version} />
            <DocumentLinks
              href={`/api/templates/${template.id}/form?version=${version.version}`}
              text={(format) => `Скачать бланк (${format})`}
            />
            {!(draft && editor) && <PrintButton />}
            {!draft && editor && <NewVersionButton templateId={template.id} />}
          </div>
        }
      />
      {created && draft && (
        <SuccessNotice>Черновик версии {version.version} открыт для правки. Опубликованные версии не изменились.</SuccessNotice>
      )}
      {draft && editor ? (
        <TemplateEditor
          key={version.id}
          draft={{
            versionId: version.id,
            version: version.version,
            revision: version.revision,
            name: template.name,
            content: version.content,
          }}
        />
      ) : (
        <>
          {draft && (
            <Alert tone="info" className="print:hidden">
              Это черновик версии {version.version}: он ещё не опубликован и может измениться.
            </Alert>
          )}
          <Card className="print:border-0 print:p-0 print:shadow-none">
            <PrintedBlank content={version.content} />
          </Card>
        </>
      )}
    </>
  );
}
