import type { DocxDocument, DocxTable } from "./docx-data";
import type { SourceRow } from "./table-file";

/**
 * A Word document's tables as the imports read a workbook's sheets: each table a
 * "sheet" named «Таблица 1», «Таблица 2» … in the document's order, its rows
 * numbered as Word's rows. Pure.
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
 * Every table of the document as a sheet. The paragraphs under a table (up to the
 * next one) follow its rows, numbered on, each a row whose text stands outside the
 * table's columns (after its last one): no import takes a signature line or a note
 * under the table for data, and each is listed as left out, as under a workbook's table.
 */
export function docxSheets(document: DocxDocument): DocxSheet[] {
  return document.tables.map((table, index) => {
    const rows = docxTableRows(table);
    const width = widthOf(table);
    const end = document.tables[index + 1]?.at ?? document.paragraphs.length;
    const under = document.paragraphs
      .slice(table.at, end)
      .map((text, i): SourceRow => ({ row: rows.length + i + 1, cells: [...Array<string>(width).fill(""), text] }));
    return { name: docxTableName(index), rows: [...rows, ...under], title: table.before.trim() === "" ? null : table.before };
  });
}
