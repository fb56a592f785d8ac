/**
 * CSV as our exports write it for Excel: fields separated by ";" (Russian Excel),
 * quoted with '"' where they hold a separator, a quote or a line break, a quote
 * inside doubled; UTF-8 with a byte order mark, CRLF line ends. Pure. Uploaded
 * CSV files are read by lib/domain/files/read-csv.ts (csv-parse).
 */

export const CSV_SEPARATORS = [";", ",", "\t"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

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
