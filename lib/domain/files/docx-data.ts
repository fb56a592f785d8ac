/**
 * A Word document as plain data, which lib/domain/files/docx-xml.mjs makes from its
 * word/document.xml (in the bounded worker thread, lib/domain/files/parse-workbook.ts)
 * and every reader of uploaded DOCX files reads: the body's paragraphs and tables in
 * the document's order, each cell's text as Word shows it. Pure types.
 */

export interface DocxCell {
  /**
   * What Word shows in the cell: its paragraphs joined by "\n", a tab "\t", a line
   * break "\n"; a checkbox (a content control's or a legacy form field's) «☒» when
   * checked, «☐» when not; Wingdings and Symbol check marks as «✓», «✗», «☒», «☐»;
   * superscript digits (footnote marks) as «¹²³»; a field's displayed result;
   * tracked deletions left out, insertions kept; a nested table's paragraphs as lines.
   */
  text: string;
  /** The grid columns the cell spans (w:gridSpan), 1 for a plain cell. */
  gridSpan: number;
  /** The cell continues a vertical merge from the row above (w:vMerge without "restart"): Word shows the first cell's text. */
  vMergeContinue: boolean;
  /** Every run that holds text is in italics (and one does). */
  italic: boolean;
}

export interface DocxTable {
  /** Word's rows, in order (w:tr); each row's cells in order (w:tc). */
  rows: DocxCell[][];
  /** The last body paragraph with text before the table (after the table before it): its title, «Бланк …»; "" without one. */
  before: string;
  /** How many body paragraphs precede the table: it stands between paragraphs[at - 1] and paragraphs[at]. */
  at: number;
}

export interface DocxDocument {
  /** The body's own paragraphs (not those in tables), in order, empty ones included. */
  paragraphs: string[];
  /** The body's tables (a table nested in a cell is that cell's text), in order. */
  tables: DocxTable[];
}
