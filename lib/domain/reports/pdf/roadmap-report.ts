/**
 * The roadmap execution report exactly as seed 002 lays it out: its title, a
 * landscape table of the seed's eight columns with the row of hints in italics
 * under the header, one event per row, and the signature block where the seed
 * signs («Начальник отдела …»). Pure.
 */
import type { TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { ROADMAP_COLUMNS, ROADMAP_HINTS, type RoadmapColumnId, type RoadmapFields } from "@/lib/domain/plans/roadmap-table";
import { dataTable, nothing, reportDocument, rowsFitOnPage, th, titleBlock, type ReportBase } from "./frame";
import { signatureBlock } from "./signature";

export interface RoadmapReportData extends ReportBase {
  /** roadmapTitle(schoolYear) for a roadmap. */
  title: string;
  /** Whose plan it is, for the metadata. */
  owner: string;
  /** The plan's events in its order, in the seed's columns. */
  records: RoadmapFields[];
}

/**
 * The most room for what was done; the date column fits «22 сентября 2020 года»
 * and «В течение учебного года» on one line, the code and municipality their headers.
 */
const WIDTHS: Record<RoadmapColumnId, number | "*"> = {
  regionCode: 40,
  municipality: 70,
  title: 110,
  description: "*",
  timing: 98,
  responsible: 72,
  audience: 92,
  documents: 118,
};
const FONT_SIZE = 8;

export function roadmapReportDefinition(data: RoadmapReportData): TDocumentDefinitions {
  const hints: TableCell[] = ROADMAP_COLUMNS.map((c) => ({ text: ROADMAP_HINTS[c.id], italics: true, fontSize: 7 }));
  const widths = ROADMAP_COLUMNS.map((c) => WIDTHS[c.id]);
  const rows = data.records.map((r) => ROADMAP_COLUMNS.map((c) => r[c.id]));
  return reportDocument({
    issuer: data.issuer,
    date: data.date,
    title: data.title,
    subject: data.owner,
    orientation: "landscape",
    content: [
      ...titleBlock(data.title, []),
      data.records.length
        ? dataTable({
            widths,
            fontSize: FONT_SIZE,
            header: [ROADMAP_COLUMNS.map((c) => th(c.header))],
            body: [hints, ...rows.map((cells) => cells.map((text): TableCell => ({ text })))],
            // Events are kept whole on a page unless one is too long for any page (under the header and hints rows).
            dontBreakRows: rowsFitOnPage({
              rows,
              widths,
              fontSize: FONT_SIZE,
              issuer: data.issuer,
              orientation: "landscape",
              headerHeight: 90,
            }),
          })
        : nothing("В плане нет мероприятий."),
      signatureBlock(data.signature),
    ],
  });
}
