/**
 * The empty compliance blank of a template version, to print and fill by hand
 * or in Word: seed 000's title with the line for the participant, the table
 * with every item's number and title (so a filled copy can be read back row by
 * row) and empty cells, the footnotes, and the signature block with lines to
 * fill. Pure.
 */
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import type { TTemplateContent } from "@/lib/schemas/template";
import { blankFootnotes, blankHeading, blankTable } from "./blank-table";
import { reportDocument, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface BlankFormData extends ReportBase {
  templateName: string;
  version: number;
  content: TTemplateContent;
}

/** Who fills which column: the participant the answers, the auditor the last one. */
export function blankFormHint(content: TTemplateContent): string {
  return `Графы «${content.columns.value}» и «Наличие» заполняет участник, графу «${content.columns.match}» — аудитор.`;
}

export function blankFormDefinition(data: BlankFormData): TDocumentDefinitions {
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: `${data.content.title} — ${data.templateName}`,
    subject: `${data.templateName}, версия ${data.version}`,
    content: [
      ...blankHeading(data.content, null),
      blankTable({ content: data.content }),
      ...blankFootnotes(data.content),
      { text: blankFormHint(data.content), style: "small", margin: [0, 6, 0, 0] },
      signatureBlock(data.signature),
    ],
  });
}
