/**
 * A participant's audit report: the compliance blank as seed 000 prints it
 * (№ | name | requisites or count | ✓ | «Соответствие официальным данным»),
 * filled with the participant's answers and the auditor's marks, then the score
 * by section and in total, the findings with their remediation, and the
 * signature block. Pure.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { formatDate } from "@/lib/dates";
import { BLANK_STATUS_LABELS } from "@/lib/schemas/blank";
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from "@/lib/schemas/finding";
import { ITEM_STATUS_LABELS, SEVERITY_LABELS, type ItemStatus, type Severity } from "@/lib/domain/scoring/statuses";
import { blankFootnotes, blankHeading, blankTable, type ParticipantBlank } from "./blank-table";
import { dataTable, heading, nothing, reportDocument, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface AuditFinding {
  itemNumber: string;
  itemTitle: string;
  /** The item status that made it a finding (ABSENT, MISMATCH, …). */
  status: string;
  severity: Severity;
  recommendation: string;
  /** "YYYY-MM-DD" */
  deadline: string;
  responsible: string | null;
  remediationStatus: RemediationStatus;
}

export interface AuditReportData extends ReportBase, ParticipantBlank {
  /** Null until the blank is submitted: only then is it scored. */
  score: { total: number | null; grade: string | null; sections: Array<{ number: string; title: string; score: number | null }> } | null;
  /** In the blank's printed order. */
  findings: AuditFinding[];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function auditReportTitle(templateName: string): string {
  return `Результаты методического аудита: ${lowerFirst(templateName)}`;
}

function blankSection(data: AuditReportData): Content[] {
  return [
    heading("Бланк соответствия"),
    ...blankHeading(data.content, data.participant),
    blankTable(data),
    ...blankFootnotes(data.content),
  ];
}

function scoreSection(data: AuditReportData): Content[] {
  if (!data.score) return [heading("Оценка"), nothing("Бланк ещё не отправлен на проверку: оценка не выставлена.")];
  const { sections, total, grade } = data.score;
  return [
    heading("Оценка"),
    dataTable({
      widths: [34, "*", 90],
      header: [[th("№"), th("Раздел бланка"), th("Соответствие", { alignment: "right" })]],
      body: [
        ...sections.map((s): TableCell[] => [{ text: s.number }, { text: s.title }, { text: formatPercent(s.score), alignment: "right" }]),
        [{ text: "Итого", bold: true, colSpan: 2 }, {}, { text: formatPercent(total), bold: true, alignment: "right" }],
      ],
      dontBreakRows: true,
    }),
    { text: [{ text: "Итоговая оценка: ", bold: true }, `${formatPercent(total)} — ${grade ?? "не оценивается"}`] },
  ];
}

const statusLabel = (status: string) => ITEM_STATUS_LABELS[status as ItemStatus] ?? status;

function findingsSection(data: AuditReportData): Content[] {
  if (!data.findings.length) return [heading("Замечания и рекомендации"), nothing("Замечаний нет.")];
  return [
    heading("Замечания и рекомендации"),
    dataTable({
      widths: [30, 88, 72, 44, "*", 50, 66],
      header: [
        [
          th("№ п/п"),
          th("Пункт бланка"),
          th("Несоответствие"),
          th("Важность"),
          th("Рекомендация"),
          th("Срок устранения"),
          th("Устранение"),
        ],
      ],
      body: data.findings.map((f): TableCell[] => [
        { text: f.itemNumber },
        { text: f.itemTitle },
        { text: statusLabel(f.status) },
        { text: SEVERITY_LABELS[f.severity] },
        { text: f.recommendation },
        { text: formatDate(f.deadline) },
        {
          stack: [
            { text: REMEDIATION_STATUS_LABELS[f.remediationStatus] },
            ...(f.responsible ? [{ text: `Ответственный: ${f.responsible}`, style: "small" }] : []),
          ],
        },
      ]),
    }),
  ];
}

export function auditReportDefinition(data: AuditReportData): TDocumentDefinitions {
  const title = auditReportTitle(data.templateName);
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title,
    subject: `${data.participant}: ${data.campaign.name}`,
    content: [
      ...titleBlock(title, [
        `Участник: ${data.participant}`,
        `Кампания: ${data.campaign.name}, ${formatDate(data.campaign.date)}`,
        `Статус бланка: ${BLANK_STATUS_LABELS[data.status]}`,
      ]),
      ...blankSection(data),
      ...scoreSection(data),
      ...findingsSection(data),
      signatureBlock(data.signature),
    ],
  });
}
