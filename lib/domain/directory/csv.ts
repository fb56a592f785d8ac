/**
 * CSV as Excel writes and reads it: fields separated by ";" (Russian Excel) or ","
 * (or a tab), quoted with '"' where they hold a separator, a quote or a line break,
 * a quote inside doubled; UTF-8 with or without a byte order mark. Pure.
 */

export type CsvSeparator = ";" | "," | "\t";
const SEPARATORS: readonly CsvSeparator[] = [";", ",", "\t"];

const BOM = "\uFEFF";

/*
 * A cell that starts with "=", "+", "-" or "@" is a formula to a spreadsheet that
 * opens the file, and so is one that starts with a tab or a carriage return before
 * such a character (OWASP, "CSV Injection"). On export such a cell gets an
 * apostrophe in front, which makes it text; on import that one apostrophe is
 * removed again. Text that already starts with apostrophes before such a character
 * gets one more, so the trip is exact. Numbers are written as numbers, never
 * neutralised: -5 stays a negative number.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/u;

export function neutraliseFormula(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text) ? text.slice(1) : text;
}

/** A CSV problem at a record, numbered from 1 as a spreadsheet numbers its rows. */
export class CsvError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Bytes as text: UTF-8, a leading byte order mark dropped. Null when the bytes are
 * not UTF-8 (a file saved as "CSV (разделители — запятые)" in Windows-1251).
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith(BOM) ? text.slice(BOM.length) : text;
  } catch {
    return null;
  }
}

/** How often each separator occurs in a line outside quotes. */
function countOutsideQuotes(line: string): Record<CsvSeparator, number> {
  const counts: Record<CsvSeparator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(c)) counts[c as CsvSeparator]++;
  }
  return counts;
}

/**
 * The separator of the file, judged by its header line: the first line that
 * `isHeader` accepts, else the first line that is not empty. The most frequent of
 * ";", "," and tab wins; with none, ";".
 */
export function detectSeparator(text: string, isHeader: (line: string) => boolean = () => false): CsvSeparator {
  const lines = text.split(/\r\n|\n|\r/u).slice(0, 100);
  const line = lines.find(isHeader) ?? lines.find((l) => l.trim() !== "") ?? "";
  const counts = countOutsideQuotes(line);
  return SEPARATORS.reduce((best, s) => (counts[s] > counts[best] ? s : best), ";" as CsvSeparator);
}

/** What String.prototype.trim removes: white space and line terminators. */
const WHITE_SPACE = /^\s$/u;

/**
 * The records of a CSV text. Line ends may be CRLF, LF or CR; a quoted field may
 * hold separators, doubled quotes and line breaks. A quote inside an unquoted
 * field is kept as typed. Throws CsvError for a quote that is never closed.
 */
export function parseCsv(text: string, separator: CsvSeparator): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  /** The field has content, or was quoted: a record of one empty quoted field still counts. */
  let started = false;
  /**
   * The field holds nothing but white space: what `field.trim() === ""` says, kept
   * as each character comes (trimming the field at every quote was quadratic).
   */
  let blank = true;
  let quoteOpenedAt = 0;
  const endField = () => {
    record.push(field);
    field = "";
    started = false;
    blank = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        field += c;
        if (blank && !WHITE_SPACE.test(c)) blank = false;
      } else if (text[i + 1] === '"') {
        field += '"';
        blank = false;
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && blank) {
      // Spaces before an opening quote are not part of the field.
      field = "";
      quoted = true;
      started = true;
      quoteOpenedAt = records.length + 1;
    } else if (c === separator) {
      endField();
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      started = true;
      if (blank && !WHITE_SPACE.test(c)) blank = false;
    }
  }
  if (quoted) throw new CsvError(quoteOpenedAt, "кавычка, открытая в этой строке, не закрыта до конца файла");
  if (started || record.length > 0) endRecord();
  return records;
}

/** A field as written: quoted where it holds the separator, a quote, a line break or edge spaces. */
export function quoteField(text: string, separator: CsvSeparator): string {
  const needsQuotes = text.includes(separator) || /["\r\n]/u.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What starts a CSV file, so that Excel reads it as UTF-8. */
export const CSV_BOM = BOM;

/** A number as Russian Excel reads it from a CSV file: with a decimal comma. */
export function csvNumber(value: number): string {
  return String(value).replace(".", ",");
}

/**
 * One record as a CSV line with its CRLF: every formula-like text cell neutralised;
 * a number written with a decimal comma and left alone, as it is no formula.
 */
export function csvLine(row: readonly (string | number)[], separator: CsvSeparator = ";"): string {
  const fields = row.map((cell) => quoteField(typeof cell === "number" ? csvNumber(cell) : neutraliseFormula(cell), separator));
  return `${fields.join(separator)}\r\n`;
}

/**
 * Rows as a CSV file that Excel opens with Cyrillic intact: a byte order mark,
 * ";" between fields, CRLF line ends, every formula-like cell neutralised.
 */
export function writeCsv(rows: readonly (readonly (string | number)[])[], separator: CsvSeparator = ";"): Buffer {
  return Buffer.from(`${CSV_BOM}${rows.map((row) => csvLine(row, separator)).join("")}`, "utf8");
}

/** A CSV file's records, decoded, its separator detected and formula-like cells restored. */
export function readCsv(
  bytes: Uint8Array,
  isHeader?: (line: string) => boolean,
): { records: string[][] } | { error: string; row: number | null } {
  const text = decodeUtf8(bytes);
  if (text === null) {
    return {
      error: "Файл не в кодировке UTF-8. В Excel сохраните его как «CSV UTF-8 (разделитель — запятая)» или как книгу XLSX.",
      row: null,
    };
  }
  if (text.includes("\u0000")) return { error: "Файл не похож на таблицу: загрузите книгу XLSX или файл CSV.", row: null };
  try {
    const records = parseCsv(text, detectSeparator(text, isHeader));
    return { records: records.map((record) => record.map(restoreFormula)) };
  } catch (error) {
    if (error instanceof CsvError) return { error: error.message, row: error.row };
    throw error;
  }
}
