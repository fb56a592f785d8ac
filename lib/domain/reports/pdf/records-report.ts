/**
 * The ДОТ records report of a school, a municipality or a region: COUNTS ONLY.
 * Whatever else the data object carries, only the area's names and the numbers
 * of MEASURES are read from it, so no child's or teacher's name can reach the
 * document. Pure.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { MEASURE_LABELS, MEASURES, type Measure } from "@/lib/domain/records/official-measures";
import { dataTable, heading, nothing, reportDocument, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";
import { MEASURE_HEADERS } from "@/lib/domain/exports/lists/student-counts";

export type RecordsLevel = "school" | "municipality" | "region";

export type MeasureCounts = Record<Measure, number | null>;

export interface RecordsReportData extends ReportBase {
  area: {
    level: RecordsLevel;
    name: string;
    /** «Славянский район» for a school, the region for a municipality. */
    parent: string | null;
  };
  /** "2022/2023" */
  schoolYear: string;
  totals: MeasureCounts;
  /** The area's parts (a region's municipalities, a municipality's schools); none for a school. */
  parts: Array<{ name: string; counts: MeasureCounts }>;
  /** The area's totals in earlier school years with records, oldest first. */
  years: Array<{ schoolYear: string; counts: MeasureCounts }>;
}

export const RECORDS_REPORT_TITLE = "Дети-инвалиды, обучающиеся с применением ДОТ: численность";

const LEVEL_LABELS: Record<RecordsLevel, string> = {
  school: "Образовательная организация",
  municipality: "Муниципальное образование",
  region: "Регион",
};

const PART_LABELS: Record<Exclude<RecordsLevel, "school">, string> = {
  municipality: "Школа",
  region: "Муниципальное образование",
};

/** Column headers for the tables by part and by year: the same as the counts list on screen. */
const SHORT_LABELS = MEASURE_HEADERS;

const count = (value: number | null | undefined): string => (typeof value === "number" ? String(value) : "—");

function countRow(label: string, counts: MeasureCounts): TableCell[] {
  return [{ text: label }, ...MEASURES.map((m): TableCell => ({ text: count(counts[m]), alignment: "right" }))];
}

function measuresTable(firstHeader: string, rows: TableCell[][]): Content {
  return dataTable({
    // Seven counts beside the name fit a portrait page only with headers this small.
    widths: [108, ...MEASURES.map(() => "*" as const)],
    header: [[th(firstHeader, { fontSize: 7 }), ...MEASURES.map((m) => th(SHORT_LABELS[m], { alignment: "right", fontSize: 7 }))]],
    body: rows,
    dontBreakRows: true,
  });
}

export function recordsReportDefinition(data: RecordsReportData): TDocumentDefinitions {
  const { area } = data;
  const where = area.parent ? `${area.name} (${area.parent})` : area.name;
  const totals = dataTable({
    widths: ["*", 70],
    header: [[th("Показатель"), th("Численность", { alignment: "right" })]],
    body: MEASURES.map((m): TableCell[] => [{ text: MEASURE_LABELS[m] }, { text: count(data.totals[m]), alignment: "right" }]),
    dontBreakRows: true,
  });
  const parts: Content[] =
    area.level === "school"
      ? []
      : [
          heading(area.level === "region" ? "По муниципальным образованиям" : "По школам"),
          data.parts.length
            ? measuresTable(
                PART_LABELS[area.level],
                data.parts.map((p) => countRow(p.name, p.counts)),
              )
            : nothing("Нет данных."),
        ];
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: `${RECORDS_REPORT_TITLE}, ${data.schoolYear} учебный год`,
    subject: where,
    content: [
      ...titleBlock(RECORDS_REPORT_TITLE, [
        `${LEVEL_LABELS[area.level]}: ${where}`,
        `${data.schoolYear} учебный год · по данным учёта школ`,
      ]),
      {
        text: "Только численность: персональные данные обучающихся и педагогов в отчёт не включаются.",
        style: "small",
        alignment: "center",
        margin: [0, 0, 0, 4],
      },
      heading("Итого"),
      totals,
      ...parts,
      heading("По учебным годам"),
      data.years.length
        ? measuresTable("Учебный год", [...data.years.map((y) => countRow(y.schoolYear, y.counts)), countRow(data.schoolYear, data.totals)])
        : nothing("Записей за прошлые учебные годы нет."),
      signatureBlock(data.signature),
    ],
  });
}
