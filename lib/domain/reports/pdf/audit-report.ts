/**
 * A participant's audit report: the compliance blank as seed 000 prints it
 * (№ | name | requisites or count | ✓ | «Соответствие официальным данным»),
 * filled with the participant's answers and the auditor's marks, then the score
 * by section and in total, the findings with their remediation, and the
 * signature block. Pure.
 */
import type { Content, ContentStack, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { formatDate } from "@/lib/dates";
import {
  AUDIT_MARK_LABELS,
  BLANK_STATUS_LABELS,
  describeAnswer,
  type AuditMark,
  type BlankStatus,
  type TBlankAnswer,
} from "@/lib/schemas/blank";
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from "@/lib/schemas/finding";
import { walkItems, type TColumnHeaders, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { ITEM_STATUS_LABELS, SEVERITY_LABELS, type ItemStatus, type Severity } from "@/lib/domain/scoring/statuses";
import { COLORS, dataTable, heading, nothing, reportDocument, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface AuditAnswer {
  value: TBlankAnswer | null;
  mark: AuditMark | null;
  markComment: string | null;
}

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

export interface AuditReportData extends ReportBase {
  campaign: { name: string; date: string };
  templateName: string;
  /** «Славянский район» or «Славянский район, МБОУ СОШ № 1». */
  participant: string;
  status: BlankStatus;
  content: TTemplateContent;
  /** By item key. */
  answers: Record<string, AuditAnswer>;
  /** What the records count for the blank's count items, by item key. */
  officialCounts: Record<string, number>;
  /** Null until the blank is submitted: only then is it scored. */
  score: { total: number | null; grade: string | null; sections: Array<{ number: string; title: string; score: number | null }> } | null;
  /** In the blank's printed order. */
  findings: AuditFinding[];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function auditReportTitle(templateName: string): string {
  return `Результаты методического аудита: ${lowerFirst(templateName)}`;
}

const PRESENCE_WIDTH = 38;
const WIDTHS = [34, "*", 118, PRESENCE_WIDTH, 128];

/**
 * Liberation Sans has no ✓, so the mark is drawn: as two lines, since pdfmake
 * puts a moved line back where it was when it lays a row out again (a polyline it does not).
 */
function checkMark(): TableCell {
  const size = 10;
  const stroke = { type: "line" as const, lineWidth: 1.3, lineColor: COLORS.text, lineCap: "round" as const };
  return {
    canvas: [
      { ...stroke, x1: 0, y1: size * 0.5, x2: size * 0.35, y2: size * 0.85 },
      { ...stroke, x1: size * 0.35, y1: size * 0.85, x2: size, y2: 0 },
    ],
    margin: [(PRESENCE_WIDTH - 6 - size) / 2, 2, 0, 0],
  };
}

function presenceCell(present: boolean | null): TableCell {
  if (present === true) return checkMark();
  if (present === false) return { text: "—", alignment: "center" };
  return { text: "" };
}

function columnHeaderRow(columns: TColumnHeaders): TableCell[] {
  return [th(columns.number), th(columns.name), th(columns.value), th("Наличие", { alignment: "center", fontSize: 7 }), th(columns.match)];
}

/** The participant's name goes where the subtitle leaves a line of underscores. */
function withSubject(subtitle: string, participant: string): string {
  const parts = subtitle.split(/_{3,}/);
  return parts.length === 1 ? `${subtitle} ${participant}` : parts.join(participant);
}

function titleWithMarks(item: TTemplateItem): string {
  return [item.title, ...item.footnotes.map((note) => note.mark)].join(" ");
}

/** The last column: the legal basis, the annual-update rule, and the auditor's mark. */
function matchCell(item: TTemplateItem, answer: AuditAnswer | undefined): ContentStack {
  const stack: Content[] = [
    ...item.legalBasis.map((basis): Content => ({ text: basis.text })),
    ...(item.annualUpdate ? [{ text: "ежегодное обновление", italics: true }] : []),
  ];
  if (answer?.mark) {
    stack.push({
      text: [{ text: AUDIT_MARK_LABELS[answer.mark], bold: true }, answer.markComment ? ` — ${answer.markComment}` : ""],
    });
  }
  return { stack };
}

function valueCell(answer: AuditAnswer | undefined, official: number | undefined): TableCell {
  const text = describeAnswer(answer?.value).text;
  return {
    stack: [{ text }, ...(official !== undefined ? [{ text: `по данным учёта: ${official}`, style: "small" }] : [])],
  };
}

function blankRows(data: AuditReportData): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const { item, depth } of walkItems(data.content.items)) {
    const indent = { margin: [depth * 8, 0, 0, 0] as [number, number, number, number] };
    if (item.kind === "SECTION") {
      rows.push([
        { text: item.number, style: "section" },
        { text: titleWithMarks(item), style: "section", colSpan: 3, ...indent },
        {},
        {},
        { ...matchCell(item, undefined), fillColor: COLORS.sectionFill },
      ]);
      if (item.columns) rows.push(columnHeaderRow(item.columns));
      continue;
    }
    const answer = data.answers[item.key];
    rows.push([
      { text: item.number },
      { text: titleWithMarks(item), ...indent },
      valueCell(answer, item.kind === "COUNT" ? data.officialCounts[item.key] : undefined),
      presenceCell(describeAnswer(answer?.value).present),
      matchCell(item, answer),
    ]);
  }
  return rows;
}

function footnotes(content: TTemplateContent): Content[] {
  const seen = new Map<string, string>();
  for (const { item } of walkItems(content.items)) {
    for (const note of item.footnotes) if (note.text) seen.set(`${note.mark} ${note.text}`, `${note.mark} ${note.text}`);
  }
  return [...seen.values()].map((text): Content => ({ text, style: "small" }));
}

function blankSection(data: AuditReportData): Content[] {
  const { content } = data;
  return [
    heading("Бланк соответствия"),
    { text: content.title, bold: true, alignment: "center" },
    ...(content.subtitle ? [{ text: withSubject(content.subtitle, data.participant), alignment: "center" as const }] : []),
    ...(content.subjectCaption ? [{ text: content.subjectCaption, italics: true, fontSize: 8, alignment: "center" as const }] : []),
    { text: " ", fontSize: 4 },
    dataTable({ widths: WIDTHS, header: [columnHeaderRow(content.columns)], body: blankRows(data), dontBreakRows: true }),
    ...footnotes(content),
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
