import type { CellValue } from "exceljs";

/**
 * How template text is written into and read out of workbook cells, so that
 * every valid template survives the trip through a spreadsheet unchanged.
 */

/**
 * XLSX stores characters that XML cannot carry (control characters, a carriage
 * return, unpaired surrogates) as "_xHHHH_", and Excel and exceljs decode that
 * pattern on reading; so a literal "_xHHHH_" in the text is escaped too, by
 * writing its underscore as "_x005F_".
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters an XLSX cell cannot hold, which this escapes
const OOXML_ESCAPE = /_(?=x[0-9a-f]{4}_)|[\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]/giu;

export function toCellText(text: string): string {
  return text.replace(OOXML_ESCAPE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Whatever a person left in a cell (typed text, a number, a date, rich text, a formula), as text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return yesNo(value);
  if (value instanceof Date) return russianDate(value.toISOString().slice(0, 10));
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return cellText(value.text as CellValue);
  if ("result" in value) return cellText(value.result as CellValue);
  return ""; // an error value (#N/A and the like) holds no text
}

/** Dates are shown as people write them, ДД.ММ.ГГГГ; ISO dates are accepted too. */
export function russianDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** "22.07.2021" → "2021-07-22"; any other text is left for validation to judge. */
export function isoDate(text: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : text;
}

/** Flags read "да"/"нет", as the blank's own "ежегодное обновление" does. */
export function yesNo(value: boolean): string {
  return value ? "да" : "нет";
}

/** An empty cell is "нет"; anything but "да"/"нет" is null, for the caller to refuse. */
export function parseYesNo(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (word === "да") return true;
  if (word === "нет" || word === "") return false;
  return null;
}

/** A number typed either way ("0.5", "0,5"); NaN when it is not one, undefined when the cell is empty. */
export function parseNumber(value: CellValue): number | undefined {
  if (typeof value === "number") return value;
  const text = cellText(value).trim();
  if (!text) return undefined;
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
}

/*
 * Several values in one cell (the legal bases and footnotes of an item), one per
 * line. Inside a value a backslash escapes: "\\" is a backslash, "\n" a line
 * break, "\r" a carriage return, "\;" a semicolon (which separates clauses); a
 * backslash before anything else is kept as typed. An empty line is a value not
 * given (null) and a line of just "" is the empty text.
 */

const EMPTY_TEXT = '""';

function escapeValue(text: string, separator = ""): string {
  let out = "";
  for (const c of text) {
    if (c === "\\" || c === separator) out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else out += c;
  }
  return out;
}

/** Splits a line at unescaped separators and undoes the escapes of each part. */
function unescapeParts(line: string, separator = ""): string[] {
  const parts = [""];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    let piece = c;
    if (c === "\\" && next !== undefined && (next === "\\" || next === separator || next === '"' || next === "n" || next === "r")) {
      piece = next === "n" ? "\n" : next === "r" ? "\r" : next;
      i++;
    } else if (c === separator) {
      parts.push("");
      continue;
    }
    parts[parts.length - 1] += piece;
  }
  return parts;
}

export function joinValues(values: readonly (string | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return "";
      if (value === "") return EMPTY_TEXT;
      if (value === EMPTY_TEXT) return `\\${EMPTY_TEXT}`;
      return escapeValue(value);
    })
    .join("\n");
}

/** The lines of a multi-value cell; an empty cell holds none. */
export function cellLines(text: string): string[] {
  return text.trim() === "" ? [] : text.split(/\r?\n/);
}

export function parseValue(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed === "") return null;
  if (trimmed === EMPTY_TEXT) return "";
  return unescapeParts(trimmed).join("");
}

/** The clauses of one legal basis, on one line: "3.6; 3.7". */
export function joinClauses(clauses: readonly string[]): string {
  return clauses.map((clause) => escapeValue(clause, ";")).join("; ");
}

export function parseClauses(line: string): string[] {
  return line.trim() === "" ? [] : unescapeParts(line.trim(), ";").map((clause) => clause.trim());
}
