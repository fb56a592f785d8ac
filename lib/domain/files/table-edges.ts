import type { TImportNotice } from "@/lib/schemas/import";
import type { SourceRow } from "./table-file";

/**
 * What sits around a table in a real report, told apart from its data. Pure.
 *
 * Under the header: a row that explains the columns — their numbers «1 2 3 …», a
 * row in italics (seed 002's hints), a note merged across the columns. It is left
 * out when it is the first row under the header.
 *
 * Under the table: signature lines, notes and empty rows («Начальник управления
 * образования ____ /ФИО/», «Исполнитель: …, тел. …»). Every row after the table's
 * last data row is left out when it carries no data in the table's key columns, or
 * when each of its cells is part of a signature (a post and «____», «/ФИО/», «М.П.»,
 * «Исполнитель: …»), or when it holds only a name under such a signature. A row
 * in the middle of the table is data, whatever it lacks: its problems are reported.
 *
 * Each row left out (but an empty one) is listed as a notice for the preview.
 */

const filled = (cells: readonly string[]) => cells.map((c) => c.replace(/\s+/gu, " ").trim()).filter((c) => c !== "");
const isEmpty = (row: SourceRow) => filled(row.cells).length === 0;

/** Column numbers: at least two cells, 1, 2, 3 … in order («1.» and «1)» too). */
function isColumnNumbers(cells: readonly string[]): boolean {
  const numbers = filled(cells).map((c) => /^(\d{1,2})[.)]?$/u.exec(c)?.[1]);
  return numbers.length >= 2 && numbers.every((n, i) => n !== undefined && Number(n) === i + 1);
}

/** A cell that is part of a signature or a note under a table. */
const SIGNATURE_CELL = [
  /_{3,}/u,
  /^\/[^/]{1,80}\/$/u,
  /^\(?подпись\)?$/iu,
  /^м\.\s?п\.?$/iu,
  /^(?:исполнитель|составитель|подготовил|ответственн|примечани|подпись|начальник|руководитель|директор|заведующ|глава|заместитель|председатель|специалист|ведущий специалист|главный специалист|телефон|тел\.|дата составления|итого)/iu,
];
/** «О.А. Саркисян», «Саркисян О.А.»: a signatory's name. */
const NAME_CELL = /^(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?)$/u;

const signatureCell = (cell: string) => SIGNATURE_CELL.some((pattern) => pattern.test(cell));
/** A post, «____», «/ФИО/»… in one cell at least, the others those or the signatory's name. */
const isSignature = (row: SourceRow) => {
  const cells = filled(row.cells);
  return cells.some(signatureCell) && cells.every((cell) => signatureCell(cell) || NAME_CELL.test(cell));
};
const isNameOnly = (row: SourceRow) => {
  const cells = filled(row.cells);
  return cells.length > 0 && cells.every((cell) => NAME_CELL.test(cell));
};

export interface TableEdges {
  /** The row's key columns hold data (the columns without which a row is no record). */
  hasKeyData: (row: SourceRow) => boolean;
  /** The import's own explanation rows (seed 002's hints by their texts), besides column numbers, italics and notes. */
  isExplanation?: (row: SourceRow) => boolean;
  /** The header is in italics: then italics do not mark an explanation. */
  headerItalic?: boolean;
  /** Whether a notice may quote the row (never for personal data). */
  quote: boolean;
}

const EXPLANATION = "не импортировано: пояснение под строкой заголовков";
const LEFT_OUT = "не импортировано: подпись/примечание под таблицей";
const QUOTE_LENGTH = 80;

function notice(kind: "explanation" | "left-out", row: SourceRow, message: string, quote: boolean): TImportNotice {
  if (!quote) return { kind, row: row.row, message };
  const text = filled(row.cells)
    .filter((cell, i, all) => all.indexOf(cell) === i)
    .join(" ");
  const shown = text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1)}…` : text;
  return { kind, row: row.row, message: `«${shown}» — ${message}` };
}

/**
 * The rows under the header that are the table's body, and notices for the rows
 * left out around it. Empty rows inside the body stay (the parsers skip them).
 */
export function tableBody<R extends SourceRow>(under: readonly R[], edges: TableEdges): { rows: R[]; notices: TImportNotice[] } {
  const notices: TImportNotice[] = [];
  let start = under.findIndex((row) => !isEmpty(row));
  if (start < 0) return { rows: [], notices };
  const first = under[start]!;
  const explains =
    isColumnNumbers(first.cells) ||
    (first.italic === true && edges.headerItalic !== true) ||
    first.mergedAcross === true ||
    (edges.isExplanation?.(first) ?? false);
  if (explains) {
    notices.push(notice("explanation", first, EXPLANATION, edges.quote));
    start++;
  }
  const body = under.slice(start);
  const around = (i: number): boolean => {
    const row = body[i]!;
    if (isEmpty(row) || !edges.hasKeyData(row) || isSignature(row)) return true;
    if (!isNameOnly(row)) return false;
    // A name alone under a signature line is the signatory's.
    for (let j = i - 1; j >= 0; j--) if (!isEmpty(body[j]!)) return isSignature(body[j]!);
    return false;
  };
  let end = body.length;
  while (end > 0 && around(end - 1)) end--;
  for (const row of body.slice(end)) if (!isEmpty(row)) notices.push(notice("left-out", row, LEFT_OUT, edges.quote));
  return { rows: body.slice(0, end), notices };
}
