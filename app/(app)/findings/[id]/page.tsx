import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FindingDeadline, RemediationStatusBadge, SeverityBadge } from "@/components/findings/finding-badges";
import { FindingHistory } from "@/components/findings/finding-history";
import { FindingPlanForm } from "@/components/findings/finding-plan-form";
import { FixFindingForm } from "@/components/findings/fix-finding-form";
import { ReviewFindingForm } from "@/components/findings/review-finding-form";
import { PageTitle } from "@/components/shell/page-title";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { FINDING_COLUMNS as C, legalBasisText } from "@/lib/domain/exports/lists/findings";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getFinding } from "@/lib/server/findings/get-finding";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Замечание" };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function FindingPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const finding = await orNotFound(() => getFinding({ scope, id: idParam(id) }));
  const hasEvidence = finding.evidenceComment !== null || finding.evidenceFile !== null;
  const reopened = finding.remediationStatus === "REOPENED" ? finding.events.findLast((e) => e.action === "REOPENED") : undefined;
  return (
    <>
      <PageTitle
        crumbs={[{ label: "Замечания", href: "/findings" }, { label: `Пункт ${finding.itemNumber}` }]}
        title={`Замечание по пункту ${finding.itemNumber}`}
        subtitle={
          <>
            {finding.participant} ·{" "}
            <Link href={`/campaigns/${finding.campaign.id}`} className="text-primary underline">
              {finding.campaign.name}
            </Link>
          </>
        }
        actions={<RemediationStatusBadge status={finding.remediationStatus} />}
      />
      {reopened && (
        <Alert>
          <p className="font-medium">Замечание возвращено в работу:</p>
          <p className="whitespace-pre-line">{reopened.comment}</p>
        </Alert>
      )}
      <Card>
        <dl className="divide-y divide-border text-sm">
          <Row label="Пункт бланка">
            {finding.itemNumber} {finding.itemTitle}
          </Row>
          <Row label="Бланк">
            <Link href={`/blanks/${finding.blankId}`} className="text-primary underline">
              {finding.templateName}
            </Link>
          </Row>
          <Row label="Нарушение">{finding.statusLabel}</Row>
          <Row label="Критичность">
            <SeverityBadge severity={finding.severity} />
          </Row>
          {finding.remark && (
            <Row label={C.remark.header}>
              <span className="whitespace-pre-line">{finding.remark}</span>
            </Row>
          )}
          <Row label={C.legalBasis.header}>{legalBasisText(finding.legalBasis)}</Row>
          <Row label="Рекомендация">{finding.recommendation}</Row>
          <Row label="Срок устранения">
            <FindingDeadline deadline={finding.deadline} overdue={finding.overdue} />
          </Row>
          <Row label="Ответственный">{finding.responsible ?? "не назначен"}</Row>
        </dl>
      </Card>
      {hasEvidence && (
        <Card aria-labelledby="evidence-title">
          <CardTitle id="evidence-title">Подтверждение устранения</CardTitle>
          {finding.evidenceComment && <p className="whitespace-pre-line text-sm">{finding.evidenceComment}</p>}
          {finding.evidenceFile && (
            <p className="mt-2 text-sm">
              Документ:{" "}
              <a className="text-primary underline" href={`/api/files/${finding.evidenceFile.id}`}>
                {finding.evidenceFile.name}
              </a>
            </p>
          )}
        </Card>
      )}
      {finding.canFix && (
        <Card aria-labelledby="fix-title">
          <CardTitle id="fix-title">Отметить как устранённое</CardTitle>
          <FixFindingForm findingId={finding.id} fileOwner={finding.fileOwner} />
        </Card>
      )}
      {finding.canReview && (
        <Card aria-labelledby="review-title">
          <CardTitle id="review-title">Проверка устранения</CardTitle>
          <ReviewFindingForm findingId={finding.id} />
        </Card>
      )}
      {finding.canEditResponsible && (
        <Card aria-labelledby="plan-title">
          <CardTitle id="plan-title">{finding.canEditDeadline ? "План устранения" : "Ответственный за устранение"}</CardTitle>
          <FindingPlanForm
            findingId={finding.id}
            deadline={finding.deadline}
            responsible={finding.responsible}
            canEditDeadline={finding.canEditDeadline}
          />
        </Card>
      )}
      <Card aria-labelledby="history-title">
        <CardTitle id="history-title">История устранения</CardTitle>
        <FindingHistory events={finding.events} />
      </Card>
    </>
  );
}
