/**
 * What a spreadsheet part costs exceljs to load, read from its XML text without
 * parsing it: the cells written, and the ranges exceljs expands cell by cell
 * (merged ranges, data validations, defined names) or column by column (<col>).
 * The reading follows exceljs 4.4's own (node_modules/exceljs/lib/utils/col-cache.js
 * decodeAddress and decodeEx, doc/range.js, xform/book/defined-name-xform.js),
 * which is lenient: "X-F-D1048576" is column XFD, "&#88;FD1" is too (the XML
 * parser decodes character references before exceljs sees the text). Where
 * exceljs's reading is odd and Excel's meaning is larger ("1:3" is three rows,
 * each of 16,384 cells), the larger is counted. Pure; every scan is linear.
 */

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text with XML character references and the five predefined entities decoded, as the XML parser hands it on. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/gu, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

interface Address {
  column?: number;
  row?: number;
}

/**
 * A cell address as exceljs's decodeAddress reads it: upper-case letters before the
 * first digit are the column, digits are the row, anything else is skipped until
 * both are seen (then it ends the address). The numbers may be far past Excel's.
 */
export function readAddress(text: string): Address {
  let column = 0;
  let row = 0;
  let hasColumn = false;
  let hasRow = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!hasRow && code >= 65 && code <= 90) {
      hasColumn = true;
      column = column * 26 + code - 64;
    } else if (code >= 48 && code <= 57) {
      hasRow = true;
      row = row * 10 + code - 48;
    } else if (hasRow && hasColumn && code !== 36) break;
  }
  return { ...(hasColumn ? { column } : {}), ...(hasRow ? { row } : {}) };
}

/** exceljs's decodeEx: an optional sheet name ('quoted' or bare) and "!", then the reference. */
const SHEET_PREFIX = /^(?:(?:'(?:[^']|'')*'|[^'^ !]*)!)?([\s\S]*)$/u;

const span = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.abs(b - a) + 1);

/**
 * The cells one reference spans, as exceljs's Range expands it: "A1:C3" nine, a lone
 * address one; only the first two parts of "A1:C3:E9" count. Whole rows ("1:3") and
 * whole columns ("A:C") are counted as Excel means them.
 */
function referenceArea(piece: string): number {
  const reference = SHEET_PREFIX.exec(piece)?.[1] ?? piece;
  const parts = reference.split(":");
  if (parts.length < 2) return 1;
  const from = readAddress(parts[0]!);
  const to = readAddress(parts[1]!);
  const rows = span(from.row, to.row);
  const columns = span(from.column, to.column);
  if (rows === undefined && columns === undefined) return 1;
  return (rows ?? SHEET_ROWS) * (columns ?? SHEET_COLUMNS);
}

/**
 * How many cells a space-separated list of references ("A1:C3 E5", a validation's
 * sqref) covers; as exceljs splits it, untrimmed, an empty piece is an entry too.
 */
export function rangeArea(references: string): number {
  let area = 0;
  for (const piece of references.split(/\s+/u)) area += referenceArea(piece);
  return area;
}

/** A merged range: exceljs reads the whole attribute as one reference, "A1 :C3" included; counted both ways. */
export function mergeArea(reference: string): number {
  return Math.max(rangeArea(reference), referenceArea(reference));
}

/**
 * The ranges of a defined name's text as exceljs's extractRanges splits them: at
 * commas, except inside a quoted sheet name ("'Лист, 1'!A1:B2").
 */
export function definedNameRanges(text: string): string[] {
  const ranges: string[] = [];
  let quoted = false;
  let pending = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/gu) ?? []).length;
    if (quotes === 0) {
      if (quoted) pending += `${item},`;
      else ranges.push(item);
    } else if (!quoted && quotes % 2 === 0) ranges.push(item);
    else if (quoted && quotes % 2 === 1) {
      quoted = false;
      ranges.push(pending + item);
      pending = "";
    } else {
      quoted = true;
      pending += `${item},`;
    }
  }
  return ranges;
}

/**
 * The cells a defined name makes exceljs index: each of its ranges cell by cell
 * when it names both rows and columns (a print area "Лист!$A$1:$H$40"); a range of
 * whole rows or columns (print titles "$1:$2") it keeps as one entry.
 */
export function definedNameArea(text: string): number {
  let area = 0;
  for (const range of definedNameRanges(text)) {
    const reference = SHEET_PREFIX.exec(range)?.[1] ?? range;
    const parts = reference.split(":");
    const from = readAddress(parts[0] ?? "");
    const to = readAddress(parts[1] ?? parts[0] ?? "");
    const rows = span(from.row, to.row);
    const columns = span(from.column, to.column);
    area += parts.length > 1 && rows !== undefined && columns !== undefined ? rows * columns : 1;
  }
  return area;
}

/** Where a start tag that begins at `from` ends: its ">" outside quoted attribute values (which may hold ">"). */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}

/** Where each element of a local name (any namespace prefix) starts and its start tag ends, in one pass. */
function* startTags(xml: string, localName: string): Generator<{ at: number; end: number }> {
  for (let from = 0; ; ) {
    const at = xml.indexOf(localName, from);
    if (at < 0) return;
    from = at + localName.length;
    const next = xml[at + localName.length] ?? "";
    // "<mergeCell …>" or "<x:mergeCell …>", not "<mergeCells>" nor text that merely holds the word.
    const head = xml.slice(Math.max(0, at - 40), at);
    const opening = head.lastIndexOf("<");
    if (opening < 0 || !/^[\s/>]$/u.test(next) || !/^(?:[A-Za-z_][\w.-]*:)?$/u.test(head.slice(opening + 1))) continue;
    const end = tagEnd(xml, from);
    if (end < 0) return;
    from = end + 1;
    yield { at, end };
  }
}

/**
 * The decoded values of an attribute on every element of a local name: all of
 * them where a start tag spells the attribute more than once, so that no reader's
 * choice between them is missed.
 */
export function* attributeOfElements(xml: string, localName: string, attribute: string): Generator<string> {
  const attributeRe = new RegExp(`\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "gu");
  for (const { at, end } of startTags(xml, localName)) {
    for (const found of xml.slice(at + localName.length, end).matchAll(attributeRe)) yield decodeXmlText(found[1] ?? found[2] ?? "");
  }
}

/**
 * The text of every element of a local name as the XML parser hands it to exceljs:
 * up to the element's end tag, comments, CDATA sections, processing instructions
 * and tags left out, references decoded.
 */
export function* textOfElements(xml: string, localName: string): Generator<string> {
  for (const { end } of startTags(xml, localName)) {
    if (xml[end - 1] === "/") {
      yield "";
      continue;
    }
    const close = xml.indexOf(`${localName}>`, end);
    const inner = xml.slice(end + 1, close < 0 ? xml.length : close);
    yield decodeXmlText(inner.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[^>]*(?:>|$)/gu, ""));
  }
}

/** How many cells (<c>, <c …> or <c/>; exceljs reads no other spelling) a sheet's XML holds, in one pass. */
export function countCells(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf("<c"); at >= 0; at = xml.indexOf("<c", at + 2)) {
    const next = xml.charCodeAt(at + 2);
    // " ", ">", "/", tab, line feed, carriage return
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

/** The highest column a <col min max> element names: exceljs creates a column object for every one up to it. */
export function highestColumn(xml: string): number {
  let highest = 0;
  for (const bound of ["min", "max"]) {
    for (const value of attributeOfElements(xml, "col", bound)) {
      const number = Number.parseInt(value, 10);
      if (number > highest) highest = number;
    }
  }
  return highest;
}
