/**
 * The compliance blank as seed 000 prints it, shared by every document that
 * shows one (the empty form to fill by hand, the filled blank, the audit
 * report): its title with the participant's line, the table «№ п/п |
 * Наименование | Реквизиты / численность | Наличие | Соответствие официальным
 * данным» with a row per item in the template's order and numbering (seed 000's
 * two «1.1.1» stay two), section rows spanning the answer columns with the legal
 * basis in the last one, a section's own header row where it has one, and the
 * footnotes under the table. Without answers the cells are left empty to fill. Pure.
 */
import type { Content, ContentStack, ContentTable, TableCell } from "pdfmake/interfaces";
import { AUDIT_MARK_LABELS, describeAnswer, type AuditMark, type BlankStatus, type TBlankAnswer } from "@/lib/schemas/blank";
import { walkItems, type TColumnHeaders, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { COLORS, dataTable, th } from "./frame";

export interface BlankTableAnswer {
  value: TBlankAnswer | null;
  mark: AuditMark | null;
  markComment: string | null;
}

export interface BlankTableInput {
  content: TTemplateContent;
  /** By item key; absent for the empty form. */
  answers?: Record<string, BlankTableAnswer>;
  /** What the records count for the blank's count items, by item key. */
  officialCounts?: Record<string, number>;
}

/** A participant's blank as the documents that print it filled take it. */
export interface ParticipantBlank {
  campaign: { name: string; date: string };
  templateName: string;
  /** «Славянский район» or «Славянский район, МБОУ СОШ № 1». */
  participant: string;
  status: BlankStatus;
  content: TTemplateContent;
  /** By item key. */
  answers: Record<string, BlankTableAnswer>;
  /** What the records count for the blank's count items, by item key. */
  officialCounts: Record<string, number>;
}

export const PRESENCE_HEADER = "Наличие";
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
  return [
    th(columns.number),
    th(columns.name),
    th(columns.value),
    th(PRESENCE_HEADER, { alignment: "center", fontSize: 7 }),
    th(columns.match),
  ];
}

/** The participant's name goes where the subtitle leaves a line of underscores; without a name the line stays to fill. */
function withSubject(subtitle: string, participant: string | null): string {
  const parts = subtitle.split(/_{3,}/);
  if (participant === null) return parts.length === 1 ? `${subtitle} ________________________` : subtitle;
  return parts.length === 1 ? `${subtitle} ${participant}` : parts.join(participant);
}

/** The item's title with its footnote marks, as printed («- между БШ и школами по месту жительства ¹»). */
function titleWithMarks(item: TTemplateItem): string {
  return [item.title, ...item.footnotes.map((note) => note.mark)].join(" ");
}

/** The last column: the legal basis, the annual-update rule, and the auditor's mark with its comment. */
function matchCell(item: TTemplateItem, answer: BlankTableAnswer | undefined): ContentStack {
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

function valueCell(answer: BlankTableAnswer | undefined, official: number | undefined): TableCell {
  const { text, present } = describeAnswer(answer?.value);
  // A document said to exist without its requisites still reads as an answer.
  const shown = text || (answer?.value?.kind === "DOCUMENT" && present ? "есть" : "");
  return {
    stack: [{ text: shown }, ...(official !== undefined ? [{ text: `по данным учёта: ${official}`, style: "small" }] : [])],
  };
}

function blankRows(input: BlankTableInput): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const { item, depth } of walkItems(input.content.items)) {
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
    const answer = input.answers?.[item.key];
    rows.push([
      { text: item.number },
      { text: titleWithMarks(item), ...indent },
      valueCell(answer, item.kind === "COUNT" ? input.officialCounts?.[item.key] : undefined),
      presenceCell(describeAnswer(answer?.value).present),
      matchCell(item, answer),
    ]);
  }
  return rows;
}

/** «БЛАНК СООТВЕТВИЯ», its subtitle with the participant (or the line for one) and the caption under it. */
export function blankHeading(content: TTemplateContent, participant: string | null): Content[] {
  return [
    { text: content.title, bold: true, alignment: "center" },
    ...(content.subtitle ? [{ text: withSubject(content.subtitle, participant), alignment: "center" as const }] : []),
    ...(content.subjectCaption ? [{ text: content.subjectCaption, italics: true, fontSize: 8, alignment: "center" as const }] : []),
    { text: " ", fontSize: 4 },
  ];
}

/** The blank's table: the template's column headers repeated on every page, an item a row, kept whole. */
export function blankTable(input: BlankTableInput): ContentTable {
  // A fresh array each time: pdfmake replaces a table's widths in place as it lays it out, and a shared one would reach the next document so.
  return dataTable({ widths: [...WIDTHS], header: [columnHeaderRow(input.content.columns)], body: blankRows(input), dontBreakRows: true });
}

/** The footnotes under the table, each once («¹ …»). */
export function blankFootnotes(content: TTemplateContent): Content[] {
  const seen = new Set<string>();
  for (const { item } of walkItems(content.items)) {
    for (const note of item.footnotes) if (note.text) seen.add(`${note.mark} ${note.text}`);
  }
  return [...seen].map((text): Content => ({ text, style: "small" }));
}
