/**
 * The rows of a blank in a Word document: its table(s) are found by their header row
 * («№ п/п | Наименование документа | Реквизиты документа / численность | …»), each row read
 * by the header's columns. Several tables may hold one blank (seed 000's criteria part
 * restarts the header; Word splits a table a user cut); a table without a header of its own
 * continues the blank when it has as many columns. Pure.
 */
import type { DocxCell, DocxDocument } from "@/lib/domain/files/docx-data";
import { normalizeNumber, normalizeTitle, splitLeadingNumber } from "./normalize";

export interface BlankRow {
  /** «таблица 1, строка 5», for the preview's messages. */
  where: string;
  /** The printed number, normalised («1.1.1»); "" when the row has none. */
  number: string;
  title: string;
  /** The requisites, count or presence cell. */
  value: string;
  /** A presence column of its own («Наличие», beside the requisites), when the table has one. */
  presence: string | null;
  /** The row as the user sees it, its cells joined. */
  text: string;
}

export const NO_BLANK_TABLE =
  "В документе не найдена таблица бланка: нужна строка заголовка с колонками «№ п/п», «Наименование документа» (или «Критерий») и «Реквизиты документа» (или «Наличие/численность»).";

interface Columns {
  number: number;
  title: number;
  value: number;
  presence: number | null;
  width: number;
}

type Role = "number" | "title" | "value" | "presence" | "other";

/** What a header cell names; the order matters: «Наличие/ численность» is the value, «Соответствие …» the auditor's. */
function roleOf(text: string): Role {
  const t = normalizeTitle(text);
  if (/^(№|номер)|п\/п/.test(t)) return "number";
  if (/соответств|основани|сноск|примечан/.test(t)) return "other";
  if (/реквизит|численност|количеств/.test(t)) return "value";
  if (/наличи|отметк|^✓/.test(t)) return "presence";
  if (/наименован|критери|документац|показател|пункт|содержан/.test(t)) return "title";
  return "other";
}

/** Each cell of a row with the grid column it starts at (a merged cell spans gridSpan columns). */
function placed(row: DocxCell[]): Array<{ cell: DocxCell; start: number; end: number }> {
  let column = 0;
  return row.map((cell) => {
    const span = Math.max(1, cell.gridSpan);
    const at = { cell, start: column, end: column + span };
    column += span;
    return at;
  });
}

const widthOf = (row: DocxCell[]) => row.reduce((sum, cell) => sum + Math.max(1, cell.gridSpan), 0);

function headerColumns(row: DocxCell[]): Columns | null {
  const found: Partial<Record<Role, number>> = {};
  for (const { cell, start } of placed(row)) {
    const role = roleOf(cell.text);
    if (role !== "other" && found[role] === undefined) found[role] = start;
  }
  const { number, title } = found;
  const value = found.value ?? found.presence;
  if (number === undefined || title === undefined || value === undefined) return null;
  const presence = found.value !== undefined && found.presence !== undefined ? found.presence : null;
  return { number, title, value, presence, width: widthOf(row) };
}

const NUMBER = /^\d+(\.\d+)*$/;

const textOf = (cell: DocxCell | undefined) => (cell && !cell.vMergeContinue ? cell.text.trim() : "");

/** A row of column numbers under the header («1 | 2 | 3 | 4»). */
const isNumbering = (texts: string[]) => texts.length >= 3 && texts.every((t) => /^\d{1,2}\.?$/.test(t));

function readRow(row: DocxCell[], columns: Columns, where: string): BlankRow | null {
  const cells = placed(row);
  const at = (column: number) => cells.find((c) => c.start <= column && column < c.end);
  const texts = cells.map((c) => textOf(c.cell)).filter(Boolean);
  if (texts.length === 0 || isNumbering(texts)) return null;
  const numberCell = at(columns.number);
  const titleCell = at(columns.title);
  const valueCell = at(columns.value);
  // A section row often prints «1. Соглашения» in one cell merged across the number and the title.
  const sameCell = numberCell !== undefined && numberCell === titleCell;
  const numberText = textOf(numberCell?.cell);
  const titleText = sameCell ? "" : textOf(titleCell?.cell);
  let number = normalizeNumber(numberText);
  let title = titleText;
  if (number && !NUMBER.test(number)) {
    // Not a number alone: «1. Соглашения», or a title typed in the number's column.
    const split = splitLeadingNumber(numberText);
    number = split?.number ?? "";
    title = [split ? split.rest : numberText, titleText].filter(Boolean).join(" ");
  } else if (!number) {
    const split = splitLeadingNumber(titleText);
    if (split?.rest) ({ number, rest: title } = split);
  }
  const presenceCell = columns.presence === null ? undefined : at(columns.presence);
  const distinct = (cell: typeof valueCell) => (cell && cell !== titleCell && cell !== numberCell ? textOf(cell.cell) : "");
  return {
    where,
    number,
    title,
    value: distinct(valueCell),
    presence: columns.presence === null ? null : distinct(presenceCell),
    text: texts.join(" | "),
  };
}

/**
 * Whether a table without a header of its own goes on with the blank (Word split it where a user
 * cut it): as wide as the blank's table, its first row numbered as an item. The signature block's
 * table under the blank («Дата: | (дата) | №: …») does not.
 */
function continues(rows: DocxCell[][], columns: Columns): boolean {
  const first = rows.find((row) => row.some((cell) => textOf(cell)));
  if (!first || headerColumns(first)) return true;
  const numberCell = placed(first).find((c) => c.start <= columns.number && columns.number < c.end);
  return widthOf(first) === columns.width && splitLeadingNumber(textOf(numberCell?.cell)) !== null;
}

/** The blank's rows, in the document's order; or why there are none. */
export function findBlankRows(document: DocxDocument): { ok: true; rows: BlankRow[] } | { ok: false; message: string } {
  const rows: BlankRow[] = [];
  let columns: Columns | null = null;
  let found = false;
  for (const [tableIndex, table] of document.tables.entries()) {
    if (columns && !continues(table.rows, columns)) columns = null;
    for (const [rowIndex, row] of table.rows.entries()) {
      const header = headerColumns(row);
      if (header) {
        columns = header;
        found = true;
        continue;
      }
      if (!columns) continue;
      const read = readRow(row, columns, `таблица ${tableIndex + 1}, строка ${rowIndex + 1}`);
      if (read) rows.push(read);
    }
  }
  return found ? { ok: true, rows } : { ok: false, message: NO_BLANK_TABLE };
}
