/**
 * A participant's filled compliance blank as it stands: the blank's status, who
 * sent it for review and who accepted it and when, the score and grade once it
 * is scored, then seed 000's table with the answers (requisites, counts,
 * «есть»/«нет», texts), the presence marks and, per item, the auditor's mark
 * and comment, and the signature block. Attachments are named by their
 * requisites, never embedded. Pure.
 */
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { formatDate } from "@/lib/dates";
import { BLANK_STATUS_LABELS } from "@/lib/schemas/blank";
import { blankFootnotes, blankHeading, blankTable, type ParticipantBlank } from "./blank-table";
import { reportDocument, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

/** A step of the blank's way: who took it and when ("YYYY-MM-DD"). */
export interface BlankStep {
  date: string;
  by: string | null;
}

export interface BlankFilledData extends ReportBase, ParticipantBlank {
  submitted: BlankStep | null;
  accepted: BlankStep | null;
  /** Null until the blank is scored. */
  score: { total: number | null; grade: string | null } | null;
}

export const BLANK_FILLED_TITLE = "Бланк соответствия";

const step = (label: string, s: BlankStep) => `${label}: ${formatDate(s.date)}${s.by ? `, ${s.by}` : ""}`;

export function blankFilledLines(data: BlankFilledData): string[] {
  return [
    `Участник: ${data.participant}`,
    `Кампания: ${data.campaign.name}, ${formatDate(data.campaign.date)}`,
    `Статус бланка: ${BLANK_STATUS_LABELS[data.status]}`,
    ...(data.submitted ? [step("Отправлен на проверку", data.submitted)] : []),
    ...(data.accepted ? [step("Принят", data.accepted)] : []),
    ...(data.score
      ? [
          `Оценка${data.status === "ACCEPTED" ? "" : " (предварительная)"}: ${formatPercent(data.score.total)}${data.score.grade ? ` — ${data.score.grade}` : ""}`,
        ]
      : []),
  ];
}

export function blankFilledDefinition(data: BlankFilledData): TDocumentDefinitions {
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: `${BLANK_FILLED_TITLE}: ${data.participant}`,
    subject: `${data.templateName}: ${data.campaign.name}`,
    content: [
      ...titleBlock(data.templateName, blankFilledLines(data)),
      { text: " ", fontSize: 6 },
      ...blankHeading(data.content, data.participant),
      blankTable(data),
      ...blankFootnotes(data.content),
      signatureBlock(data.signature),
    ],
  });
}
