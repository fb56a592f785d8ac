/**
 * pdfmake tables and columns as Word tables. A table keeps its header rows
 * (marked to repeat on every page), its spans, its widths (fixed points; '*'
 * and 'auto' share what is left), its fills, and the lines its layout draws,
 * asked of the layout's own functions row by row and column by column. Columns
 * are a borderless table of one row. Pure.
 */
import type { Column, Content, ContentColumns, ContentTable, CustomTableLayout, TableCell } from "pdfmake/interfaces";
import { type Block, type Border, type Cell, mapParagraphs, type Row, spacer, type TableBlock } from "./blocks";
import type { Context } from "./content";
import { fitWords } from "./fit-words";
import { hexColor, lookOf, type StyledNode } from "./style";

type Walk = (content: Content, ctx: Context) => Block[];

/** A layout's answers for this table: pdfmake lets each be a value or a function of the line, row or column. */
interface Layout {
  hLine(i: number, column: number): Border | null;
  vLine(i: number, row: number): Border | null;
  padding: { left(column: number): number; right(column: number): number; top(row: number): number; bottom(row: number): number };
  fill(row: number, column: number): string | null;
}

/** pdfmake's own default layout: black lines of 1 pt, 4 pt of air between columns and none at the table's sides. */
const DEFAULT_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 1,
  vLineWidth: () => 1,
  hLineColor: () => "black",
  vLineColor: () => "black",
  paddingLeft: (i) => (i ? 4 : 0),
  paddingRight: (i, node) => (i < (node.table.widths?.length ?? 1) - 1 ? 4 : 0),
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const NAMED_LAYOUTS: Record<string, CustomTableLayout> = {
  noBorders: { hLineWidth: () => 0, vLineWidth: () => 0 },
  headerLineOnly: { hLineWidth: (i, node) => (i === node.table.headerRows ? 2 : 0), vLineWidth: () => 0 },
  lightHorizontalLines: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1),
    vLineWidth: () => 0,
    hLineColor: (i) => (i === 1 ? "black" : "#aaaaaa"),
  },
};

function layoutOf(node: ContentTable): Layout {
  const given = typeof node.layout === "string" ? NAMED_LAYOUTS[node.layout] : node.layout;
  const layout = { ...DEFAULT_LAYOUT, ...given } as Record<keyof CustomTableLayout, unknown>;
  const ask = (key: keyof CustomTableLayout, ...args: number[]): unknown => {
    const value = layout[key];
    return typeof value === "function" ? value(args[0], node, args[1]) : value;
  };
  const points = (key: keyof CustomTableLayout, ...args: number[]) => Number(ask(key, ...args) ?? 0) || 0;
  const color = (key: keyof CustomTableLayout, ...args: number[]) => {
    const value = ask(key, ...args);
    return typeof value === "string" ? value : null;
  };
  const line = (width: number, lineColor: string | null): Border | null =>
    width > 0 ? { width, color: hexColor(lineColor) ?? "000000" } : null;
  return {
    hLine: (i, column) => line(points("hLineWidth", i, column), color("hLineColor", i, column)),
    vLine: (i, row) => line(points("vLineWidth", i, row), color("vLineColor", i, row)),
    padding: {
      left: (column) => points("paddingLeft", column),
      right: (column) => points("paddingRight", column),
      top: (row) => points("paddingTop", row),
      bottom: (row) => points("paddingBottom", row),
    },
    fill: (row, column) => color("fillColor", row, column),
  };
}

type Width = number | string | undefined;

/**
 * Whole column widths in points: a number is the text's width, to which the
 * column's padding is added, as pdfmake does; «N%» is a share of the room; '*'
 * and 'auto' (which pdfmake would fit to the content) share what is left.
 */
export function columnWidths(widths: Width[], room: number, padding: (i: number) => number): number[] {
  const fixed = widths.map((w, i) => {
    if (typeof w === "number") return w + padding(i);
    const percent = typeof w === "string" ? /^(\d+(?:\.\d+)?)%$/.exec(w)?.[1] : undefined;
    return percent ? (room * Number(percent)) / 100 : null;
  });
  const shared = fixed.filter((w) => w === null).length;
  const left = room - fixed.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  return fixed.map((w, i) => w ?? Math.max(padding(i) + 12, left / shared));
}

function tableRows(node: ContentTable, widths: number[], ctx: Context, walk: Walk): Row[] {
  const layout = layoutOf(node);
  const { body, headerRows = 0, dontBreakRows = false, keepWithHeaderRows } = node.table;
  const covered = new Set<string>();
  return body.map((cells, r): Row => {
    const row: Cell[] = [];
    cells.forEach((cell: TableCell, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const styled = (typeof cell === "object" && cell !== null && !Array.isArray(cell) ? cell : {}) as StyledNode & {
        colSpan?: number;
        rowSpan?: number;
      };
      const [colSpan, rowSpan] = [styled.colSpan ?? 1, styled.rowSpan ?? 1];
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      const padding = {
        left: layout.padding.left(c),
        right: layout.padding.right(c + colSpan - 1),
        top: layout.padding.top(r),
        bottom: layout.padding.bottom(r + rowSpan - 1),
      };
      const width = widths.slice(c, c + colSpan).reduce((sum, w) => sum + w, 0) - padding.left - padding.right;
      const blocks = walk(cell as Content, { ...ctx, width });
      const fill = lookOf(styled, ctx.look, ctx.styles).fillColor ?? layout.fill(r, c);
      row.push({
        blocks: blocks.length ? blocks : [spacer(1)],
        column: c,
        colSpan,
        rowSpan,
        fill: hexColor(fill),
        borders: {
          top: layout.hLine(r, c),
          bottom: layout.hLine(r + rowSpan, c),
          left: layout.vLine(c, r),
          right: layout.vLine(c + colSpan, r),
        },
        padding,
      });
    });
    const header = r < headerRows;
    // Like keepWithHeaderRows: the header rows keep with the first row under them.
    const keep = header && keepWithHeaderRows !== 0;
    return {
      cells: keep ? row.map((cell) => ({ ...cell, blocks: mapParagraphs(cell.blocks, (p) => ({ ...p, keepNext: true })) })) : row,
      header,
      cantSplit: dontBreakRows,
    };
  });
}

/** A Word table, and the paragraph Word needs after it (two tables in a row would merge into one). */
function withParagraphAfter(table: TableBlock): Block[] {
  return [table, spacer(1)];
}

export function tableBlocks(node: ContentTable, ctx: Context, walk: Walk): Block[] {
  const layout = layoutOf(node);
  const count = Math.max(node.table.widths?.length ?? 0, ...node.table.body.map((cells) => cells.length));
  const given = Array.isArray(node.table.widths) ? node.table.widths : Array.from({ length: count }, () => node.table.widths);
  const widths = columnWidths(given as Width[], ctx.width, (i) => layout.padding.left(i) + layout.padding.right(i));
  const rows = tableRows(node, widths, ctx, walk);
  const fitted = fitWords(widths, rows);
  return withParagraphAfter({
    kind: "table",
    widths: fitted,
    rows: fitted === widths ? rows : tableRows(node, fitted, ctx, walk),
    indent: 0,
  });
}

const NO_BORDERS: Cell["borders"] = { top: null, bottom: null, left: null, right: null };

/** Columns side by side: one row of a table without lines; the gap is the right padding of all but the last. */
export function columnBlocks(node: ContentColumns, ctx: Context, walk: Walk): Block[] {
  const columns = node.columns as Array<Column & { width?: Width }>;
  const gap = node.columnGap ?? 0;
  const last = columns.length - 1;
  const widths = columnWidths(
    columns.map((column) => column.width),
    ctx.width,
    (i) => (i < last ? gap : 0),
  );
  const row = (sizes: number[]): Row => ({
    cells: columns.map((column, i): Cell => {
      const blocks = walk(column, { ...ctx, width: (sizes[i] ?? 0) - (i < last ? gap : 0) });
      return {
        blocks: blocks.length ? blocks : [spacer(1)],
        column: i,
        colSpan: 1,
        rowSpan: 1,
        fill: null,
        borders: NO_BORDERS,
        padding: { left: 0, right: i < last ? gap : 0, top: 0, bottom: 0 },
      };
    }),
    header: false,
    cantSplit: false,
  });
  const draft = row(widths);
  const fitted = fitWords(widths, [draft]);
  return withParagraphAfter({
    kind: "table",
    widths: fitted,
    rows: [fitted === widths ? draft : row(fitted)],
    indent: 0,
  });
}
