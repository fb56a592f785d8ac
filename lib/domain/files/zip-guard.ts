/**
 * A guard for ZIP-based files (XLSX, DOCX) before anything inflates them: a
 * "zip bomb" — a small file whose parts unpack to gigabytes — is refused from
 * the archive's central directory alone (the sizes and the number of parts it
 * declares), and a part that inflates to more than it declares is cut off at the
 * declared size, so the whole check never inflates more than the limit allows.
 * The parts' names must be canonical and unique ignoring case, and each local
 * header must name its part as the central directory does (JSZip, which exceljs
 * loads with, takes the names from the local headers and walks the directory by
 * signature, not by the count it declares): so the parts inspected here are the
 * parts a reader loads, under the names it sees.
 *
 * Every part, whatever its name, is inspected for what a spreadsheet reader would
 * expand cell by cell (merged cells, data validations, defined names, columns):
 * "A1:XFD1048576" is a bomb of its own, seventeen billion cells in twenty bytes.
 * Inspecting every part rather than those named like worksheets means no new
 * spelling of a name ("/xl/…", "xl/worksheets/sheet1.xml.x") escapes it.
 *
 * A Word document (checkDocx) is held to its directory's limits and names, and
 * its body's declared size; its parts are inflated once, for its reader.
 *
 * Every refusal is a Russian sentence for the person who chose the file. Pure
 * apart from node:zlib.
 */
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import {
  attributeOfElements,
  countCells,
  definedNameArea,
  highestColumn,
  mergeArea,
  rangeArea,
  SHEET_COLUMNS,
  textOfElements,
} from "./sheet-expansion";
import { entryNameKey, entryNameRefusal, entryNamesProblem } from "./zip-entry-names";

const inflateRawAsync = promisify(inflateRaw);

export interface ZipLimits {
  /** Parts (files and folders) in the archive. */
  maxEntries: number;
  /** The sum of the parts' unpacked sizes, in bytes. */
  maxTotalBytes: number;
}

/** For uploads (up to 20 MB): far above any real document or workbook, which unpack to a few times their size. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 100 * 1024 * 1024 };

export interface SheetLimits {
  /** Cells written in the sheets (<c> elements), over all parts: exceljs holds every one in memory. */
  maxCells: number;
  /** Cells inside merged ranges, over all parts (exceljs creates every one of them). */
  maxMergedCells: number;
  /** Cells covered by data validations, over all parts (exceljs indexes every one of them). */
  maxValidatedCells: number;
  /** Cells of the ranges that defined names (print areas) cover, over all parts (exceljs indexes every one of them). */
  maxNamedCells: number;
}

/**
 * For imported tables (at most 5,000 rows of a dozen columns, a template of a few
 * thousand rows): 200,000 cells is far above any of them, and far below the million
 * tiny cells a 5 MB workbook can hold (which take exceljs seconds and gigabytes).
 * A whole column validated («A2:A1048576», as Excel writes it) passes; a whole sheet does not.
 */
export const SHEET_LIMITS: SheetLimits = {
  maxCells: 200_000,
  maxMergedCells: 100_000,
  maxValidatedCells: 4 * 1_048_576,
  maxNamedCells: 1_000_000,
};

/**
 * For a document stored as it is (the upload route): whoever opens it later meets
 * the same expansions, but a large attached workbook is no table to import, so its
 * written cells are not counted.
 */
export const DOCUMENT_SHEET_LIMITS: SheetLimits = { ...SHEET_LIMITS, maxCells: Number.POSITIVE_INFINITY };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts, in the bytes given. */
  localHeaderOffset: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} МБ`;

export const ZIP_DAMAGED = "Файл повреждён или обрезан: его содержимое (архив ZIP) не читается.";
const ZIP_ENCRYPTED = "Файл зашифрован: снимите с него пароль и загрузите снова.";
const ZIP_METHOD = "Файл сжат способом, который не поддерживается: сохраните его в Excel или Word заново.";
const ZIP_LIES = "Файл повреждён: его части распаковываются не в тот размер, который в нём указан.";
const tooManyEntries = (limits: ZipLimits) =>
  `В файле больше ${limits.maxEntries} частей — так устроены не документы, а архивы-«бомбы»; такой файл не принимается.`;
const tooLarge = (limits: ZipLimits) =>
  `Файл распаковывается больше чем в ${megabytes(limits.maxTotalBytes)} — такой файл не принимается (похоже на архив-«бомбу»).`;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_END = 0x06064b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

class Refusal extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads little-endian fields, refusing any read outside the bytes. */
class Reader {
  private readonly data: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.data = view(bytes);
  }
  at(offset: number, size: number): number {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.byteLength) throw new Refusal(ZIP_DAMAGED);
    return offset;
  }
  u16(offset: number): number {
    return this.data.getUint16(this.at(offset, 2), true);
  }
  u32(offset: number): number {
    return this.data.getUint32(this.at(offset, 4), true);
  }
  u64(offset: number): number {
    const value = this.data.getBigUint64(this.at(offset, 8), true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Refusal(ZIP_DAMAGED);
    return Number(value);
  }
  /** UTF-8 whatever the entry's flags say, as JSZip decodes names; bytes that are no UTF-8 become U+FFFD. */
  text(offset: number, length: number): string {
    return new TextDecoder("utf-8").decode(this.bytes.subarray(this.at(offset, length), offset + length));
  }
}

/**
 * The end-of-central-directory record: the last signature in the file's tail (a
 * comment may follow it), searched from the very end as JSZip does, so that a
 * signature inside the comment is the record for both (and a damaged one here).
 */
function findEnd(reader: Reader): number {
  const length = reader.bytes.byteLength;
  const lowest = Math.max(0, length - END_SIZE - MAX_COMMENT);
  for (let at = length - 4; at >= lowest; at--) {
    if (reader.bytes[at] === 0x50 && reader.u32(at) === SIG_END) {
      if (at + END_SIZE + reader.u16(at + 20) > length) throw new Refusal(ZIP_DAMAGED);
      return at;
    }
  }
  throw new Refusal(ZIP_DAMAGED);
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
  /** Where the directory really ends: the ZIP64 end record, or the end record. */
  end: number;
}

function directoryOf(reader: Reader, end: number): Directory {
  if (reader.u16(end + 4) !== 0 || reader.u16(end + 6) !== 0) throw new Refusal(ZIP_DAMAGED); // split over several disks
  const entries = reader.u16(end + 10);
  const size = reader.u32(end + 12);
  const offset = reader.u32(end + 16);
  if (entries !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { entries, offset, size, end };
  // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
  const locator = end - 20;
  if (locator < 0 || reader.u32(locator) !== SIG_ZIP64_LOCATOR) throw new Refusal(ZIP_DAMAGED);
  // JSZip takes the last locator signature in the file: none may follow this one (in the comment).
  if (hasSignature(reader.bytes.subarray(end + END_SIZE), SIG_ZIP64_LOCATOR)) throw new Refusal(ZIP_DAMAGED);
  const end64 = reader.u64(locator + 8);
  if (reader.u32(end64) !== SIG_ZIP64_END) throw new Refusal(ZIP_DAMAGED);
  // JSZip finds the archive's start from the ZIP64 record's declared size: it must end where the locator starts.
  if (end64 + 12 + reader.u64(end64 + 4) !== locator) throw new Refusal(ZIP_DAMAGED);
  return { entries: reader.u64(end64 + 32), size: reader.u64(end64 + 40), offset: reader.u64(end64 + 48), end: end64 };
}

function hasSignature(bytes: Uint8Array, signature: number): boolean {
  const data = view(bytes);
  for (let at = 0; at + 4 <= bytes.byteLength; at++) if (bytes[at] === 0x50 && data.getUint32(at, true) === signature) return true;
  return false;
}

/** The name a Unicode Path extra field (0x7075) gives, which JSZip prefers to the entry's own; null without one. */
function unicodePathOf(reader: Reader, extraStart: number, extraLength: number): string | null {
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    if (id === 0x7075) return size < 5 ? "" : reader.text(at + 9, size - 5);
    at += 4 + size;
  }
  return null;
}

/**
 * The entry's name as it stands in its local header (which JSZip reads), refused
 * unless it is byte for byte the central directory's.
 */
function checkLocalName(reader: Reader, localHeaderOffset: number, centralName: Uint8Array) {
  if (reader.u32(localHeaderOffset) !== SIG_LOCAL) throw new Refusal(ZIP_DAMAGED);
  const length = reader.u16(localHeaderOffset + 26);
  const localName = reader.bytes.subarray(reader.at(localHeaderOffset + 30, length), localHeaderOffset + 30 + length);
  if (Buffer.compare(localName, centralName) !== 0) throw new Refusal(entryNameRefusal("mismatch"));
}

/** The sizes and offset a ZIP64 "extended information" extra field holds for the fields saturated in the header. */
function zip64Fields(
  reader: Reader,
  extraStart: number,
  extraLength: number,
  saturated: { uncompressed: boolean; compressed: boolean; offset: boolean },
) {
  const result: { uncompressed?: number; compressed?: number; offset?: number } = {};
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (saturated.uncompressed) {
        result.uncompressed = reader.u64(field);
        field += 8;
      }
      if (saturated.compressed) {
        result.compressed = reader.u64(field);
        field += 8;
      }
      if (saturated.offset) result.offset = reader.u64(field);
      return result;
    }
    at += 4 + size;
  }
  throw new Refusal(ZIP_DAMAGED);
}

/**
 * The archive's parts as its central directory lists them, without inflating
 * anything; refuses a damaged or truncated archive, too many parts, parts that
 * declare more than `limits.maxTotalBytes` unpacked, a directory holding more
 * records than it declares, and names that are not canonical, repeat one another
 * or differ from their local headers'.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipCheck {
  try {
    const reader = new Reader(bytes);
    const end = findEnd(reader);
    const directory = directoryOf(reader, end);
    if (directory.entries > limits.maxEntries) throw new Refusal(tooManyEntries(limits));
    // Bytes before the archive proper (as in a self-extracting archive) shift every offset, as unzip tools allow.
    const shift = directory.end - (directory.offset + directory.size);
    if (shift < 0) throw new Refusal(ZIP_DAMAGED);
    const entries: ZipEntry[] = [];
    let total = 0;
    let at = directory.offset + shift;
    for (let i = 0; i < directory.entries; i++) {
      if (reader.u32(at) !== SIG_CENTRAL) throw new Refusal(ZIP_DAMAGED);
      const flags = reader.u16(at + 8);
      const method = reader.u16(at + 10);
      let compressedSize = reader.u32(at + 20);
      let uncompressedSize = reader.u32(at + 24);
      const nameLength = reader.u16(at + 28);
      const extraLength = reader.u16(at + 30);
      const commentLength = reader.u16(at + 32);
      let localHeaderOffset = reader.u32(at + 42);
      const name = reader.text(at + 46, nameLength);
      const unicodePath = unicodePathOf(reader, at + 46 + nameLength, extraLength);
      if (unicodePath !== null && unicodePath !== name) throw new Refusal(entryNameRefusal("mismatch"));
      const saturated = {
        uncompressed: uncompressedSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeaderOffset === 0xffffffff,
      };
      if (saturated.uncompressed || saturated.compressed || saturated.offset) {
        const wide = zip64Fields(reader, at + 46 + nameLength, extraLength, saturated);
        uncompressedSize = wide.uncompressed ?? uncompressedSize;
        compressedSize = wide.compressed ?? compressedSize;
        localHeaderOffset = wide.offset ?? localHeaderOffset;
      }
      total += uncompressedSize;
      if (total > limits.maxTotalBytes) throw new Refusal(tooLarge(limits));
      checkLocalName(reader, localHeaderOffset + shift, reader.bytes.subarray(at + 46, at + 46 + nameLength));
      entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset: localHeaderOffset + shift });
      at += 46 + nameLength + extraLength + commentLength;
    }
    // JSZip reads records for as long as their signature follows: the directory must end where it says.
    if (at !== directory.offset + shift + directory.size) throw new Refusal(ZIP_DAMAGED);
    const names = entryNamesProblem(entries.map((entry) => entry.name));
    if (names) throw new Refusal(entryNameRefusal(names));
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

/** The packed bytes of an entry, found through its local header. */
function packedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const reader = new Reader(bytes);
  const at = entry.localHeaderOffset;
  if (reader.u32(at) !== SIG_LOCAL) throw new Refusal(ZIP_DAMAGED);
  const start = at + 30 + reader.u16(at + 26) + reader.u16(at + 28);
  if (start + entry.compressedSize > bytes.byteLength) throw new Refusal(ZIP_DAMAGED);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry, never past its declared size: a part that would unpack to
 * more than the directory says is refused as soon as it passes that size.
 */
async function unpack(bytes: Uint8Array, entry: ZipEntry): Promise<Buffer> {
  if (entry.flags & 0x0001) throw new Refusal(ZIP_ENCRYPTED);
  const packed = packedBytes(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new Refusal(ZIP_LIES);
    return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  }
  if (entry.method !== 8) throw new Refusal(ZIP_METHOD);
  try {
    // One byte more than declared, so that a part that keeps going is told from one that fits exactly.
    const out = await inflateRawAsync(packed, { maxOutputLength: entry.uncompressedSize + 1 });
    if (out.byteLength !== entry.uncompressedSize) throw new Refusal(ZIP_LIES);
    return out;
  } catch (error) {
    if (error instanceof Refusal) throw error;
    const code = (error as { code?: string }).code;
    throw new Refusal(code === "ERR_BUFFER_TOO_LARGE" ? ZIP_LIES : ZIP_DAMAGED);
  }
}

const tooManyCells = (limit: number) =>
  `В книге больше ${limit.toLocaleString("ru-RU")} заполненных ячеек — это не таблица для импорта; разделите файл на части.`;
const tooManyMerged = (limit: number) =>
  `В книге объединено больше ${limit.toLocaleString("ru-RU")} ячеек: разъедините их и загрузите файл снова.`;
const TOO_MANY_VALIDATED = "Проверка данных в книге задана для слишком многих ячеек (целых листов): удалите её и загрузите файл снова.";
const TOO_MANY_NAMED =
  "Именованные диапазоны (или область печати) книги охватывают слишком много ячеек (целые листы): удалите их и загрузите файл снова.";
const TOO_MANY_COLUMNS = `В книге задано больше ${SHEET_COLUMNS.toLocaleString("ru-RU")} столбцов — так устроены не таблицы, а файлы-«бомбы»; такой файл не принимается.`;

/** What the parts seen so far would cost a spreadsheet reader, against the limits. */
class SheetCosts {
  private cells = 0;
  private merged = 0;
  private validated = 0;
  private named = 0;
  constructor(private readonly limits: SheetLimits) {}

  /** The refusal for one more part, or null while everything is within the limits. */
  add(data: Buffer): string | null {
    // The references are ASCII: latin1 decodes any byte, in linear time, and UTF-8 never makes ASCII of other bytes.
    const xml = data.toString("latin1");
    this.cells += countCells(xml);
    if (this.cells > this.limits.maxCells) return tooManyCells(this.limits.maxCells);
    for (const ref of attributeOfElements(xml, "mergeCell", "ref")) this.merged += mergeArea(ref);
    if (this.merged > this.limits.maxMergedCells) return tooManyMerged(this.limits.maxMergedCells);
    for (const ref of attributeOfElements(xml, "dataValidation", "sqref")) this.validated += rangeArea(ref);
    if (this.validated > this.limits.maxValidatedCells) return TOO_MANY_VALIDATED;
    for (const text of textOfElements(xml, "definedName")) this.named += definedNameArea(text);
    if (this.named > this.limits.maxNamedCells) return TOO_MANY_NAMED;
    if (highestColumn(xml) > SHEET_COLUMNS) return TOO_MANY_COLUMNS;
    return null;
  }
}

/**
 * Inflates every part of an archive whose directory is admitted, in order, each
 * to exactly the size it declares, handing each to `visit`: the first refusal
 * (a visitor's included) ends the walk.
 */
async function walkEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  visit: (entry: ZipEntry, data: Buffer) => string | null,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    for (const entry of entries) {
      const problem = visit(entry, await unpack(bytes, entry));
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * A ZIP-based file judged safe to inflate and to read: its directory within the
 * limits, canonical and unique names, every part inflating to exactly the size it
 * declares (so that no later reader inflates more than `limits.maxTotalBytes`),
 * and no part, whatever its name, asking a spreadsheet reader to expand more than
 * `sheetLimits` allow.
 */
export async function checkZip(
  bytes: Uint8Array,
  options: { limits?: ZipLimits; sheetLimits?: SheetLimits } = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const directory = readZipDirectory(bytes, options.limits);
  if (!directory.ok) return directory;
  const costs = new SheetCosts(options.sheetLimits ?? DOCUMENT_SHEET_LIMITS);
  return walkEntries(bytes, directory.entries, (_entry, data) => costs.add(data));
}

/** An XLSX workbook judged safe to load with exceljs: checkZip, and its written cells within `sheetLimits` too. */
export function checkXlsx(bytes: Uint8Array, options: { limits?: ZipLimits; sheetLimits?: SheetLimits } = {}) {
  return checkZip(bytes, { limits: options.limits, sheetLimits: options.sheetLimits ?? SHEET_LIMITS });
}

/** The parts of a Word document its reader needs, as the guard inflated them (nothing is inflated twice). */
export interface DocxParts {
  /** Every part's name, as the directory lists them. */
  names: string[];
  /** [Content_Types].xml as text ("" when the archive has none). */
  contentTypes: string;
  /** word/document.xml: the document's body. */
  document: Buffer;
}

/** The body of a Word document; its text is what the reader parses, held to a size of its own. */
const DOCX_DOCUMENT_PART = "word/document.xml";

export const NOT_A_DOCX = "Файл не читается как документ Word (.docx).";
const documentTooLarge = (maxBytes: number) =>
  `Текст документа распаковывается больше чем в ${megabytes(maxBytes)} — это не бланк и не отчёт; такой файл не принимается (похоже на архив-«бомбу»).`;

/**
 * A DOCX file judged safe to read: the directory's limits and names as for any
 * ZIP-based file, a word/document.xml declaring at most `maxDocumentBytes`
 * (refused from the directory, before anything is inflated), and every part
 * inflating to exactly its declared size. Word parts are not spreadsheets: no
 * cell counting. Returns the parts the reader parses.
 */
export async function checkDocx(
  bytes: Uint8Array,
  options: { limits?: ZipLimits; maxDocumentBytes: number },
): Promise<{ ok: true; parts: DocxParts } | { ok: false; message: string }> {
  const directory = readZipDirectory(bytes, options.limits);
  if (!directory.ok) return directory;
  const keyOf = (entry: ZipEntry) => entryNameKey(entry.name);
  const main = directory.entries.find((entry) => keyOf(entry) === DOCX_DOCUMENT_PART);
  if (!main) return { ok: false, message: NOT_A_DOCX };
  if (main.uncompressedSize > options.maxDocumentBytes) return { ok: false, message: documentTooLarge(options.maxDocumentBytes) };
  const parts: DocxParts = { names: directory.entries.map((entry) => entry.name), contentTypes: "", document: Buffer.alloc(0) };
  const walked = await walkEntries(bytes, directory.entries, (entry, data) => {
    if (entry === main) parts.document = data;
    else if (keyOf(entry) === "[content_types].xml") parts.contentTypes = data.toString("utf8");
    return null;
  });
  return walked.ok ? { ok: true, parts } : walked;
}

export { attributeOfElements, countCells, rangeArea } from "./sheet-expansion";
