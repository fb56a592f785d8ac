/**
 * A methodical work plan as seed 004 lays it out and a programme as seed 001
 * does, with how each event stands today: the plan's title and approval, the
 * events table (seed 004: «№ | Наименование мероприятия | Ожидаемый результат |
 * Сроки и периодичность проведения мероприятий | Ответственный исполнитель»;
 * seed 001: «№ | Задачи | Сроки | Продукт») with a spanning row heading each
 * section or stage, the target indicators with their values and the methods of
 * collecting them, and the signature block. Pure.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatDate } from "@/lib/dates";
import { EVENT_STATUS_LABELS } from "@/lib/domain/plans/plan-labels";
import type { PlanEventStatus } from "@/lib/generated/prisma/enums";
import { dataTable, heading, nothing, reportDocument, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface PlanReportEvent {
  number: string | null;
  title: string;
  expectedResult: string;
  timingText: string;
  responsible: string;
  /** The section's or stage's heading row the event falls under; null before any. */
  group: string | null;
  status: PlanEventStatus;
  overdue: boolean;
  /** "YYYY-MM-DD" */
  heldOn: string | null;
}

export interface PlanIndicatorRow {
  number: string;
  title: string;
  targetText: string;
  method: string;
  monitoring: string;
}

export interface PlanReportData extends ReportBase {
  kind: "METHODICAL_PLAN" | "PROGRAMME";
  title: string;
  /** Whose plan it is. */
  owner: string;
  /** The order approving it, by its requisites. */
  approvedBy: string | null;
  /** "YYYY-MM-DD" */
  period: { startsOn: string; endsOn: string };
  /** In the plan's order. */
  events: PlanReportEvent[];
  indicators: PlanIndicatorRow[];
}

/** The columns each seed gives its events, and which field of the event fills each. */
const COLUMNS: Record<PlanReportData["kind"], Array<{ header: string; width: number | "*"; cell: (e: PlanReportEvent) => TableCell }>> = {
  METHODICAL_PLAN: [
    { header: "№", width: 26, cell: (e) => ({ text: e.number ?? "" }) },
    { header: "Наименование мероприятия", width: "*", cell: (e) => ({ text: e.title }) },
    { header: "Ожидаемый результат", width: 120, cell: (e) => ({ text: e.expectedResult }) },
    { header: "Сроки и периодичность проведения мероприятий", width: 96, cell: (e) => timingCell(e) },
    { header: "Ответственный исполнитель", width: 92, cell: (e) => ({ text: e.responsible }) },
  ],
  PROGRAMME: [
    { header: "№", width: 26, cell: (e) => ({ text: e.number ?? "" }) },
    { header: "Задачи", width: "*", cell: (e) => ({ text: e.title }) },
    { header: "Сроки", width: 100, cell: (e) => timingCell(e) },
    { header: "Продукт", width: 140, cell: (e) => ({ text: e.expectedResult }) },
  ],
};

/** How the event stands: «Проведено 12.10.2022», «Просрочено», «Отменено»; nothing while it is simply ahead. */
export function eventProgress(e: Pick<PlanReportEvent, "status" | "overdue" | "heldOn">): string | null {
  if (e.status === "DONE") return e.heldOn ? `${EVENT_STATUS_LABELS.DONE} ${formatDate(e.heldOn)}` : EVENT_STATUS_LABELS.DONE;
  if (e.status === "CANCELLED") return EVENT_STATUS_LABELS.CANCELLED;
  return e.overdue ? EVENT_STATUS_LABELS.OVERDUE : null;
}

/** The timing as written, with how the event stands under it in small print. */
function timingCell(e: PlanReportEvent): TableCell {
  const progress = eventProgress(e);
  return { stack: [{ text: e.timingText }, ...(progress ? [{ text: progress, italics: true, style: "small" }] : [])] };
}

function eventRows(data: PlanReportData): TableCell[][] {
  const columns = COLUMNS[data.kind];
  const rows: TableCell[][] = [];
  let group: string | null = null;
  for (const event of data.events) {
    if (event.group !== null && event.group !== group) {
      rows.push([{ text: event.group, style: "section", colSpan: columns.length }, ...columns.slice(1).map(() => ({}))]);
    }
    group = event.group;
    rows.push(columns.map((c) => c.cell(event)));
  }
  return rows;
}

function summary(data: PlanReportData): string {
  const done = data.events.filter((e) => e.status === "DONE").length;
  const overdue = data.events.filter((e) => e.status === "PLANNED" && e.overdue).length;
  return `На ${formatDate(data.date)}: мероприятий ${data.events.length}, проведено ${done}, просрочено ${overdue}`;
}

function indicatorSections(indicators: PlanIndicatorRow[]): Content[] {
  if (!indicators.length) return [];
  const withMethods = indicators.filter((i) => i.method || i.monitoring);
  return [
    heading("Целевые показатели"),
    dataTable({
      widths: [34, "*", 180],
      header: [[th("№ п/п"), th("Показатель"), th("Значение показателя")]],
      body: indicators.map((i): TableCell[] => [{ text: i.number }, { text: i.title }, { text: i.targetText }]),
    }),
    ...(withMethods.length
      ? [
          heading("Методы сбора и обработки информации, мониторинги"),
          dataTable({
            widths: [34, "*", 150, 120],
            header: [[th("№ п/п"), th("Показатель"), th("Методы сбора информации"), th("результат")]],
            body: withMethods.map((i): TableCell[] => [{ text: i.number }, { text: i.title }, { text: i.method }, { text: i.monitoring }]),
          }),
        ]
      : []),
  ];
}

export function planReportDefinition(data: PlanReportData): TDocumentDefinitions {
  const columns = COLUMNS[data.kind];
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: data.title,
    subject: data.owner,
    content: [
      ...titleBlock(data.title, [
        data.owner,
        ...(data.approvedBy ? [`Утверждён: ${data.approvedBy}`] : []),
        `Срок реализации: ${formatDate(data.period.startsOn)} — ${formatDate(data.period.endsOn)}`,
      ]),
      heading(data.kind === "PROGRAMME" ? "Механизм реализации программы" : "Основные мероприятия методической работы"),
      { text: summary(data), style: "small", margin: [0, 0, 0, 4] },
      data.events.length
        ? dataTable({ widths: columns.map((c) => c.width), header: [columns.map((c) => th(c.header))], body: eventRows(data) })
        : nothing("В плане нет мероприятий."),
      ...indicatorSections(data.indicators),
      signatureBlock(data.signature),
    ],
  });
}
