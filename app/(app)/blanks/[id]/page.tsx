import type { Metadata } from "next";
import Link from "next/link";
import { BlankForm } from "@/components/blanks/blank-form";
import { BlankReview } from "@/components/blanks/blank-review";
import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { DocxImportDialog } from "@/components/blanks/docx-import-dialog";
import { ReadOnlyBlank } from "@/components/blanks/read-only-blank";
import { ReturnBlankForm } from "@/components/blanks/return-blank-form";
import { BlankFindings } from "@/components/findings/blank-findings";
import { DocumentLinks } from "@/components/reports/document-links";
import { campaignCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Alert } from "@/components/ui/alert";
import { SuccessNotice } from "@/components/ui/success-notice";
import { Card, CardTitle } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { OWN_WORK_MESSAGE } from "@/lib/domain/separation-of-duties";
import { requireScope } from "@/lib/server/auth/with-scope";
import { answerFileNames, attachedFileIds } from "@/lib/server/blanks/answer-file-names";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { listFindings } from "@/lib/server/findings/list-findings";
import { listDocumentsForOwner } from "@/lib/server/documents/list-documents-for-owner";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { formatDate } from "@/lib/dates";
import { ZFindingListQuery } from "@/lib/schemas/finding";
import { z } from "@/lib/schemas/z";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS, reportUrl } from "@/lib/domain/reports/report-kinds";

export const metadata: Metadata = { title: "Бланк соответствия" };

/** The acknowledgement of a decision just taken on this page (see SuccessNotice). */
const DONE = {
  submitted: "Бланк отправлен на проверку. Он появился у аудиторов региона; пока идёт проверка, ответы доступны только для чтения.",
  returned: "Бланк возвращён участнику. Координаторы получили уведомление с вашим сообщением.",
  accepted: "Бланк принят. Координаторы участника получили уведомление, замечания по невыполненным пунктам сформированы.",
} as const;
const ZDone = z
  .enum(Object.keys(DONE) as [keyof typeof DONE])
  .optional()
  .catch(undefined);

export default async function BlankPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const done = ZDone.parse((await props.searchParams).done);
  const blank = await orNotFound(() => getBlank({ scope, id: idParam(id) }));
  // What the page shows next to the blank, read at once rather than one after another.
  const [fileNames, findings, registry] = await Promise.all([
    answerFileNames(scope, attachedFileIds(Object.values(blank.answers).map((a) => a.value))),
    blank.status === "ACCEPTED"
      ? listFindings({ scope, query: ZFindingListQuery.parse({ blankId: blank.id, sort: "item", pageSize: 100 }) })
      : null,
    // The registry's documents are offered only to who fills the blank in.
    blank.canFill ? listDocumentsForOwner({ scope, municipalityId: blank.municipalityId, organizationId: blank.organizationId }) : [],
  ]);
  return (
    <>
      <PageTitle
        crumbs={[...campaignCrumbs(scope, blank.campaign), { label: blank.subjectName }]}
        title={blank.template.name}
        subtitle={
          <>
            {blank.subjectName} ·{" "}
            <Link href={`/campaigns/${blank.campaign.id}`} className="text-primary underline">
              {blank.campaign.name}
            </Link>{" "}
            · срок сдачи {formatDate(blank.campaign.deadline)}
          </>
        }
        actions={
          <div className="flex items-center gap-3">
            <BlankStatusBadge status={blank.status} />
            {REPORT_FORMATS.map((format) => (
              <a key={format} href={reportUrl("audit", blank.id, format)} className="text-sm text-primary underline">
                Отчёт {REPORT_FORMAT_LABELS[format]}
              </a>
            ))}
          </div>
        }
      />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <DocumentLinks
          href={`/api/reports/blank/${blank.id}`}
          caption="Бланк с ответами и отметками"
          text={(format) => `Скачать ${format}`}
        />
        <DocumentLinks
          href={`/api/blanks/${blank.id}/form`}
          caption="Пустой бланк для заполнения"
          text={(format) => `Скачать бланк (${format})`}
        />
      </div>
      {done && <SuccessNotice>{DONE[done]}</SuccessNotice>}
      {blank.status === "RETURNED" && blank.returnMessage && (
        <Alert>
          <p className="font-medium">Бланк возвращён на доработку:</p>
          <p>{blank.returnMessage}</p>
        </Alert>
      )}
      {blank.ownWork && (
        <Alert tone="info">
          <p className="font-medium">{OWN_WORK_MESSAGE}</p>
          <p>Отметки соответствия, возврат на доработку и приём бланка вам недоступны.</p>
        </Alert>
      )}
      {blank.canImport && (
        <div className="flex flex-wrap items-center gap-3">
          <DocxImportDialog blankId={blank.id} />
          {!blank.canFill && (
            <p className="text-sm text-muted-foreground">Ответы из Word будут сохранены от имени участника, с вашим именем в истории.</p>
          )}
        </div>
      )}
      {blank.canFill ? (
        <BlankForm
          key={blank.version}
          blankId={blank.id}
          version={blank.version}
          content={blank.content}
          answers={blank.answers}
          fileNames={fileNames}
          fileOwner={blank.fileOwner}
          registry={registry}
          officialCounts={blank.officialCounts}
        />
      ) : blank.canReview ? (
        <BlankReview
          blankId={blank.id}
          content={blank.content}
          answers={blank.answers}
          fileNames={fileNames}
          officialCounts={blank.officialCounts}
        />
      ) : (
        <>
          {blank.score !== null && (
            <Card>
              <p>
                <span className="font-semibold">Оценка: </span>
                {blank.score.toLocaleString("ru-RU")} % — {blank.grade}
                {blank.status !== "ACCEPTED" && (
                  <span className="text-muted-foreground"> (предварительная оценка, до проверки аудитором)</span>
                )}
              </p>
            </Card>
          )}
          <Card>
            <ReadOnlyBlank blank={blank} fileNames={fileNames} />
          </Card>
          {findings && (
            <Card>
              <CardTitle>Замечания</CardTitle>
              <BlankFindings blankId={blank.id} page={findings} />
            </Card>
          )}
          {blank.canReopen && (
            <Card>
              <ReturnBlankForm blankId={blank.id} reopen />
            </Card>
          )}
        </>
      )}
    </>
  );
}
