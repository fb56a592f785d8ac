import type { DocxDocument, DocxTable } from "./docx-data";
import type { SourceRow } from "./table-file";

/**
 * A Word document's tables as the imports read a workbook's sheets: each table (with
 * the tables that continue it) a "sheet" named «Таблица 1», «Таблица 2» … in the
 * document's order, its rows numbered as Word's rows. Pure.
 */

export interface DocxSheet {
  name: string;
  rows: SourceRow[];
  /** The paragraph before the table (its title), null without one. */
  title: string | null;
}

export const docxTableName = (index: number) => `Таблица ${index + 1}`;

/** The grid columns a table spans: its widest row. */
const widthOf = (table: DocxTable) => Math.max(0, ...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.gridSpan, 0)));

/**
 * The table's rows on its grid: a cell spanning columns is its text and empty cells
 * after it (so that the columns line up with the header's), a cell continuing a
 * vertical merge shows the text of the merge's first cell (as Word shows it, and as
 * a workbook's merged cell reads). A row in italics is one whose every cell with
 * text is; a row whose only text is one cell spanning the whole table is merged
 * across it (a section's title, a note).
 */
export function docxTableRows(table: DocxTable): SourceRow[] {
  const width = widthOf(table);
  const above: string[] = [];
  return table.rows.map((row, i) => {
    const cells: string[] = [];
    const filled: { italic: boolean; span: number }[] = [];
    for (const cell of row) {
      const column = cells.length;
      const text = cell.vMergeContinue ? (above[column] ?? "") : cell.text;
      for (let j = 0; j < cell.gridSpan; j++) {
        cells.push(j === 0 ? text : "");
        above[column + j] = text;
      }
      if (text.trim() !== "") filled.push({ italic: cell.italic, span: cell.gridSpan });
    }
    return {
      row: i + 1,
      cells,
      italic: filled.length > 0 && filled.every((cell) => cell.italic),
      mergedAcross: width > 1 && filled.length === 1 && filled[0]!.span === width,
    };
  });
}

/**
 * A table continues the one before it when nothing but empty paragraphs stands
 * between them and both span the same columns: a long report typed as a table,
 * then another one for the next pages (seed 002 as Word kept it, in four tables;
 * Word itself joins tables with nothing at all between them).
 */
function continues(document: DocxDocument, previous: DocxTable, next: DocxTable): boolean {
  return widthOf(previous) === widthOf(next) && document.paragraphs.slice(previous.at, next.at).every((text) => text.trim() === "");
}

/**
 * The document's tables as sheets: a table with the tables that continue it is one
 * sheet, «Таблица 1» alone or «Таблицы 1–4» together, its rows numbered on from
 * table to table. The paragraphs under its last table (up to the next table) follow
 * its rows, numbered on, each a row whose text stands outside the table's columns
 * (after its last one): no import takes a signature line or a note under the table
 * for data, and each is listed as left out, as under a workbook's table.
 */
export function docxSheets(document: DocxDocument): DocxSheet[] {
  const { tables, paragraphs } = document;
  const sheets: DocxSheet[] = [];
  for (let first = 0; first < tables.length; ) {
    let end = first + 1;
    while (end < tables.length && continues(document, tables[end - 1]!, tables[end]!)) end++;
    const rows: SourceRow[] = [];
    for (const table of tables.slice(first, end)) for (const row of docxTableRows(table)) rows.push({ ...row, row: rows.length + 1 });
    const last = tables[end - 1]!;
    const width = widthOf(last);
    const under = paragraphs
      .slice(last.at, tables[end]?.at ?? paragraphs.length)
      .map((text, i): SourceRow => ({ row: rows.length + i + 1, cells: [...Array<string>(width).fill(""), text] }));
    const before = tables[first]!.before;
    const name = end - first > 1 ? `Таблицы ${first + 1}–${end}` : docxTableName(first);
    sheets.push({ name, rows: [...rows, ...under], title: before.trim() === "" ? null : before });
    first = end;
  }
  return sheets;
}
