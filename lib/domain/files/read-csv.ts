import { CsvError, parse } from "csv-parse/sync";
import { CSV_SEPARATORS, type CsvSeparator, restoreFormula } from "@/lib/domain/directory/csv";

/**
 * The records of a CSV text, read by csv-parse as Excel writes CSV: fields
 * separated by ";" (Russian Excel), "," or a tab (Excel's «Текст Юникод»), quoted
 * with '"' where they hold a separator, a quote or a line break, a quote inside
 * doubled; line ends CRLF, LF or CR. A quote inside an unquoted field is kept as
 * typed. Formula-like cells that our exports neutralised get their text back. Pure.
 */

export type { CsvSeparator };

/** Records searched for the header when the separator is judged. */
const HEADER_SEARCH_RECORDS = 30;

export type CsvReading = { ok: true; records: string[][]; separator: CsvSeparator } | { ok: false; message: string; row: number | null };

const parseWith = (text: string, delimiter: CsvSeparator, to?: number): string[][] =>
  parse(text, {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ...(to ? { to } : {}),
  }) as string[][];

/** How often each separator occurs in a line outside quotes. */
function countOutsideQuotes(line: string): Record<CsvSeparator, number> {
  const counts: Record<CsvSeparator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c as CsvSeparator]++;
  }
  return counts;
}

/** The separators, the most frequent outside quotes in the first line that is not empty first (";" among equals). */
function separatorsByFrequency(text: string): CsvSeparator[] {
  const line =
    text
      .slice(0, 64 * 1024)
      .split(/\r\n|\n|\r/u)
      .find((l) => l.trim() !== "") ?? "";
  const counts = countOutsideQuotes(line);
  return [...CSV_SEPARATORS].sort((a, b) => counts[b] - counts[a]);
}

/**
 * The file's separator: the one under which a record among the first ones is the
 * table's header (`isHeader`), so that a title line with commas does not decide
 * it; without a header found, the most frequent one in the first line.
 */
function detectSeparator(text: string, isHeader: ((cells: readonly string[]) => boolean) | undefined): CsvSeparator {
  const candidates = separatorsByFrequency(text);
  if (isHeader) {
    for (const separator of candidates) {
      try {
        if (parseWith(text, separator, HEADER_SEARCH_RECORDS).some(isHeader)) return separator;
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
      }
    }
  }
  return candidates[0]!;
}

/** The records of the text, numbered from 1 as a spreadsheet numbers its rows; a Russian refusal, never a throw, for bad text. */
export function readCsvText(text: string, isHeader?: (cells: readonly string[]) => boolean): CsvReading {
  const separator = detectSeparator(text, isHeader);
  try {
    const records = parseWith(text, separator);
    return { ok: true, separator, records: records.map((record) => record.map(restoreFormula)) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === "number" ? error.records + 1 : null;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return { ok: false, row, message: "Кавычка, открытая в этой строке, не закрыта до конца файла." };
    }
    return { ok: false, row, message: "Строка не читается как строка CSV: проверьте кавычки и разделители." };
  }
}
