/**
 * The regional report of a campaign, as seed 000 presents it: the goal and
 * tasks, the audited municipalities, «МО, не предоставившие информацию», the
 * «ТИПИЧНЫЕ ОШИБКИ» of municipal and of school coordinators with counts and
 * shares, the municipalities' scores as a table and as a bar chart, and the
 * signature block. Pure; the chart is drawn with canvas rectangles.
 */
import type { CanvasElement, Column, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { formatDate } from "@/lib/dates";
import { GRADES } from "@/lib/domain/scoring/score-blank";
import { COLORS, contentWidth, dataTable, heading, nothing, numberedList, reportDocument, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface TypicalErrorsOfLevel {
  /** Submitted or accepted blanks of the level: the base of the shares. */
  counted: number;
  /** By share, highest first. */
  rows: Array<{ itemNumber: string; itemTitle: string; count: number; share: number }>;
}

export interface CampaignScoreRow {
  name: string;
  /** The municipal blank's score; null until submitted. */
  score: number | null;
  grade: string | null;
  /** The mean score of the municipality's submitted school blanks. */
  schoolAverage: number | null;
}

export interface CampaignReportData extends ReportBase {
  campaign: {
    name: string;
    /** "YYYY-MM-DD" */
    date: string;
    deadline: string;
    goal: string;
    tasks: string[];
    /** The deadline has passed: the non-submitters are known. */
    overdue: boolean;
  };
  /** Municipalities with a submitted or accepted blank. */
  audited: string[];
  notSubmitted: string[];
  /** Null for a level the campaign has no template of. */
  typicalErrors: { MUNICIPAL: TypicalErrorsOfLevel | null; SCHOOL: TypicalErrorsOfLevel | null };
  /** Highest score first. */
  scores: CampaignScoreRow[];
  gradeBands: { compliant: number; partial: number };
}

export const CAMPAIGN_REPORT_TITLE = "Результаты методического аудита";

function typicalErrorsTable(caption: string, level: TypicalErrorsOfLevel | null): Content[] {
  if (!level) return [];
  const title: Content = { text: caption, bold: true, margin: [0, 4, 0, 2] };
  if (!level.rows.length) {
    return [title, nothing(level.counted ? "Несоответствий не выявлено." : "Нет представленных бланков.")];
  }
  return [
    // The caption and its note head the table: never the last lines of a page (see frame.ts, pageBreakBefore).
    {
      stack: [title, { text: `Доля — от представленных бланков (${level.counted}).`, style: "small", margin: [0, 0, 0, 3] }],
      headlineLevel: 2,
    },
    dataTable({
      widths: [42, "*", 60, 54],
      header: [[th("№ пункта"), th("Пункт бланка"), th("Количество", { alignment: "right" }), th("Доля", { alignment: "right" })]],
      body: level.rows.map((row): TableCell[] => [
        { text: row.itemNumber },
        { text: row.itemTitle },
        { text: String(row.count), alignment: "right" },
        { text: formatPercent(row.share), alignment: "right" },
      ]),
      dontBreakRows: true,
    }),
  ];
}

function scoresTable(rows: CampaignScoreRow[]): Content {
  return dataTable({
    widths: [22, "*", 56, 110, 70],
    header: [
      [
        th("№"),
        th("Муниципальное образование"),
        th("Оценка", { alignment: "right" }),
        th("Итог"),
        th("Школы, средняя", { alignment: "right" }),
      ],
    ],
    body: rows.map((row, index): TableCell[] => [
      { text: String(index + 1) },
      { text: row.name },
      { text: formatPercent(row.score), alignment: "right" },
      { text: row.score === null ? "не представлено" : (row.grade ?? "—") },
      { text: formatPercent(row.schoolAverage), alignment: "right" },
    ]),
    dontBreakRows: true,
  });
}

const NAME_WIDTH = 150;
const VALUE_WIDTH = 48;
const CELL_PADDING = 3;
const BAR_HEIGHT = 9;

/** No borders but a rule under the header; the bars carry the picture. */
const CHART_LAYOUT: CustomTableLayout = {
  hLineWidth: (i) => (i === 1 ? 0.5 : 0),
  vLineWidth: () => 0,
  hLineColor: () => COLORS.border,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function barColor(row: CampaignScoreRow, bands: CampaignReportData["gradeBands"]): string {
  if (row.grade === GRADES.COMPLIANT) return COLORS.compliant;
  if (row.grade === GRADES.PARTIAL) return COLORS.partial;
  if (row.grade === GRADES.NON_COMPLIANT) return COLORS.nonCompliant;
  const score = row.score ?? 0;
  return score >= bands.compliant ? COLORS.compliant : score >= bands.partial ? COLORS.partial : COLORS.nonCompliant;
}

function bar(width: number, score: number, color: string, bands: CampaignReportData["gradeBands"]): CanvasElement[] {
  const x = (percent: number) => (width * Math.min(100, Math.max(0, percent))) / 100;
  const threshold = (percent: number): CanvasElement => ({
    type: "line",
    x1: x(percent),
    y1: -1,
    x2: x(percent),
    y2: BAR_HEIGHT + 1,
    lineWidth: 0.5,
    lineColor: COLORS.muted,
    dash: { length: 1.5, space: 1.5 },
  });
  return [
    { type: "rect", x: 0, y: 0, w: width, h: BAR_HEIGHT, color: COLORS.track },
    { type: "rect", x: 0, y: 0, w: x(score), h: BAR_HEIGHT, color },
    threshold(bands.partial),
    threshold(bands.compliant),
  ];
}

function legendItem(color: string, text: string): Column {
  return {
    width: "auto",
    columnGap: 3,
    columns: [
      { width: 9, canvas: [{ type: "rect", x: 0, y: 1, w: 8, h: 8, color }] },
      { width: "auto", text, style: "small" },
    ],
  };
}

function scoreChart(data: CampaignReportData): Content[] {
  const scored = data.scores.filter((row): row is CampaignScoreRow & { score: number } => row.score !== null);
  if (!scored.length) return [nothing("Оценок пока нет: ни один бланк муниципального координатора не представлен.")];
  const barWidth = contentWidth("portrait") - NAME_WIDTH - VALUE_WIDTH - 6 * CELL_PADDING;
  const { compliant, partial } = data.gradeBands;
  return [
    {
      layout: CHART_LAYOUT,
      style: "table",
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [NAME_WIDTH, barWidth, VALUE_WIDTH],
        body: [
          [
            { text: "Муниципальное образование", bold: true },
            {
              columns: [
                { text: "0 %", style: "small" },
                { text: "50 %", style: "small", alignment: "center" },
                { text: "100 %", style: "small", alignment: "right" },
              ],
            },
            { text: "Оценка", bold: true, alignment: "right" },
          ],
          ...scored.map((row): TableCell[] => [
            { text: row.name },
            { canvas: bar(barWidth, row.score, barColor(row, data.gradeBands), data.gradeBands), margin: [0, 1, 0, 0] },
            { text: formatPercent(row.score), alignment: "right" },
          ]),
        ],
      },
    },
    {
      margin: [0, 6, 0, 0],
      columnGap: 14,
      columns: [
        legendItem(COLORS.compliant, `от ${compliant} % — ${GRADES.COMPLIANT}`),
        legendItem(COLORS.partial, `от ${partial} % — ${GRADES.PARTIAL}`),
        legendItem(COLORS.nonCompliant, `ниже ${partial} % — ${GRADES.NON_COMPLIANT}`),
      ],
    },
  ];
}

function notSubmittedSection(data: CampaignReportData): Content {
  if (data.notSubmitted.length) return numberedList(data.notSubmitted);
  return nothing(
    data.campaign.overdue
      ? "Все МО представили информацию."
      : `Срок представления информации (${formatDate(data.campaign.deadline)}) ещё не истёк.`,
  );
}

export function campaignReportDefinition(data: CampaignReportData): TDocumentDefinitions {
  const { campaign } = data;
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: `${CAMPAIGN_REPORT_TITLE}: ${campaign.name}`,
    subject: campaign.name,
    content: [
      ...titleBlock(CAMPAIGN_REPORT_TITLE, [campaign.name, `Дата проведения: ${formatDate(campaign.date)}`]),
      heading("Цель"),
      campaign.goal ? { text: campaign.goal } : nothing("Цель не указана."),
      heading("Задачи методического сопровождения"),
      campaign.tasks.length ? { ul: campaign.tasks, margin: [10, 0, 0, 0] } : nothing("Задачи не указаны."),
      heading("Муниципальные образования, прошедшие аудит"),
      data.audited.length ? numberedList(data.audited) : nothing("Ни одно МО пока не представило бланк."),
      heading("МО, не предоставившие информацию"),
      notSubmittedSection(data),
      heading("ТИПИЧНЫЕ ОШИБКИ"),
      ...typicalErrorsTable("Муниципальных координаторов", data.typicalErrors.MUNICIPAL),
      ...typicalErrorsTable("Школьных координаторов", data.typicalErrors.SCHOOL),
      heading("Оценки муниципальных образований"),
      data.scores.length ? scoresTable(data.scores) : nothing("Участников нет."),
      heading("Диаграмма оценок"),
      ...scoreChart(data),
      signatureBlock(data.signature),
    ],
  });
}
