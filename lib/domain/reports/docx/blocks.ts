/**
 * What a pdfmake definition becomes before it is Word: plain paragraphs and
 * tables with every size in points. Margins, keeping together and the footer's
 * page fields are settled on these, then lib/domain/reports/docx/to-docx.ts
 * writes them out. Pure.
 */

export interface Run {
  text: string;
  /** Starts on a new line («\n» in pdfmake). */
  lineBreak?: boolean;
  /** Word's PAGE or NUMPAGES field in place of the text. */
  field?: "page" | "pages";
  /** Points of Word. */
  size: number;
  bold: boolean;
  italics: boolean;
  color: string | null;
}

export interface Picture {
  kind: "picture";
  data: Uint8Array;
  type: "png" | "jpg";
  /** Points on the page. */
  width: number;
  height: number;
}

export interface Para {
  kind: "p";
  runs: Array<Run | Picture>;
  alignment: "left" | "center" | "right" | "justify";
  /** Points of Word for the paragraph mark: an empty paragraph's height. */
  size: number;
  before: number;
  after: number;
  left: number;
  right: number;
  /** The marker's room in a list item. */
  hanging?: number;
  /** An exact line height: a rule's or a spacer's. */
  exactHeight?: number;
  keepNext?: boolean;
  outlineLevel?: number;
  pageBreakBefore?: boolean;
  /** A line under the paragraph: pdfmake's horizontal canvas line. */
  rule?: Border;
  list?: { kind: "ol" | "ul"; instance: number };
}

export interface Border {
  /** Points. */
  width: number;
  color: string | null;
}

export interface Cell {
  blocks: Block[];
  /** The first column it takes: rows under a row span have fewer cells than columns. */
  column: number;
  colSpan: number;
  rowSpan: number;
  fill: string | null;
  borders: { top: Border | null; bottom: Border | null; left: Border | null; right: Border | null };
  padding: { left: number; right: number; top: number; bottom: number };
}

export interface Row {
  cells: Cell[];
  /** Repeated at the top of every page the table runs over. */
  header: boolean;
  cantSplit: boolean;
}

export interface TableBlock {
  kind: "table";
  /** Each column's whole width, padding included, in points. */
  widths: number[];
  rows: Row[];
  indent: number;
}

export type Block = Para | TableBlock;

/** An empty paragraph of an exact height: the room a margin asks for, and what ends every table. */
export function spacer(height: number): Para {
  return { kind: "p", runs: [], alignment: "left", size: 1, before: 0, after: 0, left: 0, right: 0, exactHeight: Math.max(1, height) };
}

/**
 * A pdfmake margin around blocks: the sides indent them, the top and bottom go
 * into the first and last paragraph's spacing (a table is always followed by a
 * paragraph, see tableBlock; before a table a spacer takes the top).
 */
export function withMargin(blocks: Block[], [left, top, right, bottom]: [number, number, number, number]): Block[] {
  const out = blocks.map(
    (block): Block =>
      block.kind === "p" ? { ...block, left: block.left + left, right: block.right + right } : { ...block, indent: block.indent + left },
  );
  if (!out.length) return top + bottom > 0 ? [spacer(top + bottom)] : [];
  const first = out[0];
  if (top > 0) {
    if (first?.kind === "p") out[0] = { ...first, before: first.before + top };
    else out.unshift(spacer(top));
  }
  const last = out[out.length - 1];
  if (bottom > 0 && last?.kind === "p") out[out.length - 1] = { ...last, after: last.after + bottom };
  return out;
}

/** Every paragraph, in tables too, changed by `change`. */
export function mapParagraphs(blocks: Block[], change: (para: Para) => Para): Block[] {
  return blocks.map((block): Block => {
    if (block.kind === "p") return change(block);
    return {
      ...block,
      rows: block.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell) => ({ ...cell, blocks: mapParagraphs(cell.blocks, change) })),
      })),
    };
  });
}

/** Kept on one page (pdfmake's `unbreakable`): every paragraph but the last keeps with the next, every row whole. */
export function keptTogether(blocks: Block[]): Block[] {
  const kept = mapParagraphs(blocks, (para) => ({ ...para, keepNext: true })).map(
    (block): Block => (block.kind === "table" ? { ...block, rows: block.rows.map((row) => ({ ...row, cantSplit: true })) } : block),
  );
  const [last, original] = [kept[kept.length - 1], blocks[blocks.length - 1]];
  if (last?.kind === "p" && original?.kind === "p") kept[kept.length - 1] = { ...last, keepNext: original.keepNext };
  return kept;
}
