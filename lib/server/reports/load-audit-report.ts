import "server-only";
import type { AuditReportData } from "@/lib/domain/reports/pdf/audit-report";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import { walkItems } from "@/lib/schemas/template";
import { scoreBlank } from "@/lib/domain/scoring/score-blank";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { findingWhere } from "@/lib/server/findings/finding-access";
import { loadParticipantBlank, reportDay } from "./load-participant-blank";

/**
 * A participant's audit report, for whoever may read the blank (a foreign id is
 * "not found", as getBlank has it): the blank with its answers and marks, the
 * score by section once it is scored, and its findings in the blank's order.
 */
export async function loadAuditReport(options: { scope: Scope; blankId: string }) {
  const { blank, regionId, campaignDate, data } = await loadParticipantBlank(options);
  const findings = await db().finding.findMany({
    where: { AND: [{ blankId: blank.id }, findingWhere(options.scope)] },
    select: {
      itemKey: true,
      itemNumber: true,
      itemTitle: true,
      status: true,
      severity: true,
      recommendation: true,
      deadline: true,
      responsible: true,
      remediationStatus: true,
    },
  });
  // Sections are scored as the stored total was: with the counts the blank keeps.
  const sections =
    blank.score === null ? null : scoreBlank(blank.content, blank.answers, { campaignDate, officialCounts: blank.officialCounts }).sections;
  const order = new Map([...walkItems(blank.content.items)].map(({ item }, index) => [item.key, index]));
  const audit: Omit<AuditReportData, keyof ReportBase> = {
    ...data,
    score: sections ? { total: blank.score, grade: blank.grade, sections } : null,
    findings: findings
      .sort((a, b) => (order.get(a.itemKey) ?? order.size) - (order.get(b.itemKey) ?? order.size))
      .map(({ itemKey: _itemKey, deadline, ...f }) => ({ ...f, deadline: reportDay(deadline) })),
  };
  return { regionId, participant: blank.subjectName, campaignDate, data: audit };
}
