/**
 * Blocks (./blocks) written as the docx package's paragraphs and tables: points
 * become twips (paragraphs, tables), eighths of a point (borders), half points
 * (text) and pixels at 96 to the inch (pictures). Pure.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, Border, Cell, Para, Picture, Run } from "./blocks";

const twips = (points: number) => Math.round(points * 20);
const pixels = (points: number) => Math.round((points * 96) / 72);

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Word's border: its width in eighths of a point, 2 (a quarter point) at least. */
function border(line: Border | null) {
  if (!line) return { style: BorderStyle.NONE, size: 0, color: "auto" };
  return { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(line.width * 8)), color: line.color ?? "auto", space: 0 };
}

function run(part: Run | Picture) {
  if ("kind" in part) {
    return new ImageRun({
      type: part.type,
      data: part.data,
      transformation: { width: pixels(part.width), height: pixels(part.height) },
    });
  }
  const look = { size: part.size * 2, bold: part.bold, italics: part.italics, ...(part.color ? { color: part.color } : {}) };
  if (part.field) return new TextRun({ ...look, children: [part.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] });
  return new TextRun({ ...look, text: part.text, ...(part.lineBreak ? { break: 1 } : {}) });
}

function paragraph(para: Para): Paragraph {
  return new Paragraph({
    children: para.runs.map(run),
    alignment: ALIGNMENT[para.alignment],
    run: { size: para.size * 2 },
    spacing: {
      before: twips(para.before),
      after: twips(para.after),
      ...(para.exactHeight !== undefined ? { line: twips(para.exactHeight), lineRule: LineRuleType.EXACT } : {}),
    },
    indent: { left: twips(para.left), right: twips(para.right), ...(para.hanging ? { hanging: twips(para.hanging) } : {}) },
    ...(para.keepNext ? { keepNext: true } : {}),
    ...(para.outlineLevel !== undefined ? { outlineLevel: para.outlineLevel } : {}),
    ...(para.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(para.rule ? { border: { bottom: border(para.rule) } } : {}),
    ...(para.list ? { numbering: { reference: para.list.kind, level: 0, instance: para.list.instance } } : {}),
  });
}

function cell(c: Cell, width: number): TableCell {
  return new TableCell({
    children: toDocx(c.blocks),
    width: { size: twips(width), type: WidthType.DXA },
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.fill ? { shading: { fill: c.fill, type: ShadingType.CLEAR, color: "auto" } } : {}),
    borders: { top: border(c.borders.top), bottom: border(c.borders.bottom), left: border(c.borders.left), right: border(c.borders.right) },
    margins: { left: twips(c.padding.left), right: twips(c.padding.right), top: twips(c.padding.top), bottom: twips(c.padding.bottom) },
  });
}

const NONE = border(null);

export function toDocx(blocks: Block[]): Array<Paragraph | Table> {
  return blocks.map((block) => {
    if (block.kind === "p") return paragraph(block);
    const total = block.widths.reduce((sum, w) => sum + w, 0);
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: twips(total), type: WidthType.DXA },
      columnWidths: block.widths.map(twips),
      ...(block.indent ? { indent: { size: twips(block.indent), type: WidthType.DXA } } : {}),
      // The cells draw every line, as the pdfmake layout asked for each.
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: block.rows.map(
        (row) =>
          new TableRow({
            tableHeader: row.header,
            cantSplit: row.cantSplit,
            children: row.cells.map((c) =>
              cell(
                c,
                block.widths.slice(c.column, c.column + c.colSpan).reduce((sum, w) => sum + w, 0),
              ),
            ),
          }),
      ),
    });
  });
}
