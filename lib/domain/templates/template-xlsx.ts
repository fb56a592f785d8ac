import ExcelJS from "exceljs";
import { ITEM_KIND_LABELS, TEMPLATE_LEVEL_LABELS, walkItems, type TTemplateDocument, type TTemplateItem } from "@/lib/schemas/template";
import {
  BLANK_SHEET,
  ITEM_COLUMNS,
  META_HEADERS,
  META_ROWS,
  META_SHEET,
  PRINTED_COLUMNS,
  columnOf,
  type ItemColumnId,
  type MetaPath,
} from "./template-xlsx-layout";
import { joinClauses, joinValues, russianDate, toCellText, yesNo } from "./xlsx-cells";

export { templateFromXlsx } from "./read-template-xlsx";

/** What one cell holds: text, a number, or nothing. */
type CellContent = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** The template as a workbook an auditor opens in Excel (layout: template-xlsx-layout.ts). */
export async function templateToXlsx(doc: TTemplateDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writeBlank(workbook.addWorksheet(BLANK_SHEET, { views: [{ state: "frozen", ySplit: 1 }] }), doc);
  writeMeta(workbook.addWorksheet(META_SHEET, { views: [{ state: "frozen", ySplit: 1 }] }), doc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeBlank(sheet: ExcelJS.Worksheet, doc: TTemplateDocument) {
  sheet.columns = ITEM_COLUMNS.map((column) => ({
    width: column.width,
    style: { alignment: { wrapText: true, vertical: "top" }, ...("text" in column ? { numFmt: "@" } : {}) },
  }));
  const printed = doc.content.columns;
  const headers = ITEM_COLUMNS.map((column) => ("header" in column ? column.header : printed[column.id]));
  styleHeader(sheet.addRow(headers.map(cellValue)));
  for (const { item, depth } of walkItems(doc.content.items)) {
    const row = sheet.addRow(ITEM_COLUMNS.map((column) => cellValue(itemCells(item, depth + 1)[column.id])));
    const name = row.getCell(columnOf("name"));
    // Indent and bold mirror the printed blank's nesting and its section rows.
    name.alignment = { wrapText: true, vertical: "top", indent: depth };
    if (item.kind === "SECTION") name.font = { bold: true };
  }
  const printedCount = Object.keys(PRINTED_COLUMNS).length;
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= printedCount; c++) sheet.getRow(r).getCell(c).border = THIN;
  }
  // Printing gives the blank itself: its four columns, the header on every page.
  sheet.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:D${sheet.rowCount}`,
    printTitlesRow: "1:1",
  };
}

function itemCells(item: TTemplateItem, depth: number): Record<ItemColumnId, CellContent> {
  const bases = item.legalBasis;
  return {
    number: item.number,
    name: item.title,
    value: null,
    match: null,
    depth,
    kind: ITEM_KIND_LABELS[item.kind],
    basisText: joinValues(bases.map((b) => b.text)),
    basisDocument: joinValues(bases.map((b) => b.document)),
    basisDate: joinValues(bases.map((b) => b.date && russianDate(b.date))),
    basisNumber: joinValues(bases.map((b) => b.number)),
    basisClauses: bases.map((b) => joinClauses(b.clauses)).join("\n"),
    footnoteMarks: joinValues(item.footnotes.map((f) => f.mark)),
    footnoteTexts: joinValues(item.footnotes.map((f) => f.text)),
    annualUpdate: yesNo(item.annualUpdate),
    weight: item.weight,
    critical: yesNo(item.critical),
    sectionNumber: item.columns?.number ?? null,
    sectionName: item.columns?.name ?? null,
    sectionValue: item.columns?.value ?? null,
    sectionMatch: item.columns?.match ?? null,
    key: item.key,
  };
}

function writeMeta(sheet: ExcelJS.Worksheet, doc: TTemplateDocument) {
  sheet.columns = [
    { width: 40, style: { alignment: { wrapText: true, vertical: "top" } } },
    { width: 90, style: { alignment: { wrapText: true, vertical: "top" }, numFmt: "@" } },
  ];
  styleHeader(sheet.addRow([...META_HEADERS]));
  const values = metaValues(doc);
  for (const { path, label } of META_ROWS) sheet.addRow([label, cellValue(values[path])]);
}

function metaValues(doc: TTemplateDocument): Record<MetaPath, CellContent> {
  const { content } = doc;
  return {
    format: doc.format,
    key: doc.key,
    name: doc.name,
    level: TEMPLATE_LEVEL_LABELS[doc.level],
    version: doc.version ?? null,
    "content.title": content.title,
    "content.subtitle": content.subtitle,
    "content.subjectCaption": content.subjectCaption,
    "content.columns.number": content.columns.number,
    "content.columns.name": content.columns.name,
    "content.columns.value": content.columns.value,
    "content.columns.match": content.columns.match,
    "content.gradeBands.compliant": content.gradeBands.compliant,
    "content.gradeBands.partial": content.gradeBands.partial,
  };
}

/** An empty text stays an empty cell; text is escaped for XLSX (see toCellText). */
function cellValue(value: CellContent): string | number | null {
  if (typeof value === "string") return value === "" ? null : toCellText(value);
  return value;
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}
