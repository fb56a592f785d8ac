/**
 * A guard for ZIP-based files (XLSX, DOCX) before anything inflates them: a
 * "zip bomb" — a small file whose parts unpack to gigabytes — is refused from
 * the archive's central directory alone (the sizes and the number of parts it
 * declares), and a part that inflates to more than it declares is cut off at the
 * declared size, so the whole check never inflates more than the limit allows.
 * For a workbook, the ranges that exceljs expands cell by cell when it loads a
 * sheet (merged cells, data validations) are counted too: "A1:XFD1048576" is a
 * bomb of its own, seventeen billion cells in twenty bytes.
 *
 * Every refusal is a Russian sentence for the person who chose the file. Pure
 * apart from node:zlib.
 */
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";

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
  /** Cells written in the sheets (<c> elements), over all sheets: exceljs holds every one in memory. */
  maxCells: number;
  /** Cells inside merged ranges, over all sheets (exceljs creates every one of them). */
  maxMergedCells: number;
  /** Cells covered by data validations, over all sheets (exceljs indexes every one of them). */
  maxValidatedCells: number;
}

/**
 * For imported tables (at most 5,000 rows of a dozen columns, a template of a few
 * thousand rows): 200,000 cells is far above any of them, and far below the million
 * tiny cells a 5 MB workbook can hold (which take exceljs seconds and gigabytes).
 * A whole column validated («A2:A1048576», as Excel writes it) passes; a whole sheet does not.
 */
export const SHEET_LIMITS: SheetLimits = { maxCells: 200_000, maxMergedCells: 100_000, maxValidatedCells: 4 * 1_048_576 };

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
  private at(offset: number, size: number): number {
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
  text(offset: number, length: number, utf8: boolean): string {
    const slice = this.bytes.subarray(this.at(offset, length), offset + length);
    return new TextDecoder(utf8 ? "utf-8" : "latin1").decode(slice);
  }
}

/** The end-of-central-directory record: the last one in the file's tail (a comment may follow it). */
function findEnd(reader: Reader): number {
  const length = reader.bytes.byteLength;
  const lowest = Math.max(0, length - END_SIZE - MAX_COMMENT);
  for (let at = length - END_SIZE; at >= lowest; at--) {
    if (reader.bytes[at] === 0x50 && reader.u32(at) === SIG_END) return at;
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
  const end64 = reader.u64(locator + 8);
  if (reader.u32(end64) !== SIG_ZIP64_END) throw new Refusal(ZIP_DAMAGED);
  return { entries: reader.u64(end64 + 32), size: reader.u64(end64 + 40), offset: reader.u64(end64 + 48), end: end64 };
}

/** The sizes and offset a ZIP64 "extended information" extra field holds for the fields saturated in the header. */
function zip64Fields(reader: Reader, extraStart: number, extraLength: number, saturated: { uncompressed: boolean; compressed: boolean; offset: boolean }) {
  const result: { uncompressed?: number; compressed?: number; offset?: number } = {};
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (saturated.uncompressed) (result.uncompressed = reader.u64(field)), (field += 8);
      if (saturated.compressed) (result.compressed = reader.u64(field)), (field += 8);
      if (saturated.offset) result.offset = reader.u64(field);
      return result;
    }
    at += 4 + size;
  }
  throw new Refusal(ZIP_DAMAGED);
}

/**
 * The archive's parts as its central directory lists them, without inflating
 * anything; refuses a damaged or truncated archive, too many parts, or parts that
 * declare more than `limits.maxTotalBytes` unpacked.
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
      const name = reader.text(at + 46, nameLength, (flags & 0x0800) !== 0);
      const saturated = { uncompressed: uncompressedSize === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localHeaderOffset === 0xffffffff };
      if (saturated.uncompressed || saturated.compressed || saturated.offset) {
        const wide = zip64Fields(reader, at + 46 + nameLength, extraLength, saturated);
        uncompressedSize = wide.uncompressed ?? uncompressedSize;
        compressedSize = wide.compressed ?? compressedSize;
        localHeaderOffset = wide.offset ?? localHeaderOffset;
      }
      total += uncompressedSize;
      if (total > limits.maxTotalBytes) throw new Refusal(tooLarge(limits));
      entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset: localHeaderOffset + shift });
      at += 46 + nameLength + extraLength + commentLength;
    }
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

/**
 * A ZIP-based file judged safe to inflate: its directory within the limits and
 * every part inflating to exactly the size it declares (so that no later reader
 * inflates more than `limits.maxTotalBytes`). `inspect` sees the parts it asks
 * for, one at a time, and may refuse with a message.
 */
export async function checkZip(
  bytes: Uint8Array,
  options: { limits?: ZipLimits; inspect?: { wants: (name: string) => boolean; check: (name: string, data: Buffer) => string | null } } = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const directory = readZipDirectory(bytes, options.limits);
  if (!directory.ok) return directory;
  try {
    for (const entry of directory.entries) {
      const data = await unpack(bytes, entry);
      if (options.inspect?.wants(entry.name)) {
        const problem = options.inspect.check(entry.name, data);
        if (problem) return { ok: false, message: problem };
      }
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

/* Workbooks */

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/u;
const CELL_REF = /^\$?([A-Za-z]+)\$?(\d+)$/u;

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** How many cells "A1", "A1:C3" or "A1:C3 E5" covers (references of any length, as exceljs reads them); text that is no reference counts as one cell. */
export function rangeArea(reference: string): number {
  let area = 0;
  for (const part of reference.trim().split(/\s+/u)) {
    if (!part) continue;
    const [from, to = from] = part.split(":");
    const a = CELL_REF.exec(from ?? "");
    const b = CELL_REF.exec(to ?? "");
    if (!a || !b) {
      area += 1;
      continue;
    }
    const rows = Math.abs(Number(b[2]) - Number(a[2])) + 1;
    const columns = Math.abs(columnNumber(b[1]!) - columnNumber(a[1]!)) + 1;
    area += rows * columns;
  }
  return area;
}

/**
 * The value of one attribute of every element with a local name (any namespace
 * prefix), in one pass: each element is found with indexOf and read up to its
 * ">", so that no text, however hostile, costs more than linear time.
 */
export function* attributeOfElements(xml: string, localName: string, attribute: string): Generator<string> {
  const attributeRe = new RegExp(`\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "u");
  for (let from = 0; ; ) {
    const at = xml.indexOf(localName, from);
    if (at < 0) return;
    const end = xml.indexOf(">", at);
    if (end < 0) return;
    from = end + 1;
    const next = xml[at + localName.length] ?? "";
    // "<mergeCell …>" or "<x:mergeCell …>", not "<mergeCells>" nor text that merely holds the word.
    const head = xml.slice(Math.max(0, at - 40), at);
    const opening = head.lastIndexOf("<");
    if (opening < 0 || !/^[\s/>]$/u.test(next) || !/^(?:[A-Za-z_][\w.-]*:)?$/u.test(head.slice(opening + 1))) continue;
    const found = attributeRe.exec(xml.slice(at + localName.length, end));
    if (found) yield found[1] ?? found[2] ?? "";
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

/**
 * An XLSX workbook judged safe to load with exceljs: the ZIP checks above, and
 * its sheets' merged cells and data validations within `sheetLimits`.
 */
export async function checkXlsx(
  bytes: Uint8Array,
  options: { limits?: ZipLimits; sheetLimits?: SheetLimits } = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const sheetLimits = options.sheetLimits ?? SHEET_LIMITS;
  let cells = 0;
  let merged = 0;
  let validated = 0;
  return checkZip(bytes, {
    limits: options.limits,
    inspect: {
      wants: (name) => WORKSHEET.test(name),
      check: (_name, data) => {
        // References are ASCII: latin1 decodes any byte, in linear time.
        const xml = data.toString("latin1");
        cells += countCells(xml);
        if (cells > sheetLimits.maxCells) {
          return `В книге больше ${sheetLimits.maxCells.toLocaleString("ru-RU")} заполненных ячеек — это не таблица для импорта; разделите файл на части.`;
        }
        for (const ref of attributeOfElements(xml, "mergeCell", "ref")) merged += rangeArea(ref);
        if (merged > sheetLimits.maxMergedCells) {
          return `В книге объединено больше ${sheetLimits.maxMergedCells.toLocaleString("ru-RU")} ячеек: разъедините их и загрузите файл снова.`;
        }
        for (const ref of attributeOfElements(xml, "dataValidation", "sqref")) validated += rangeArea(ref);
        if (validated > sheetLimits.maxValidatedCells) {
          return "Проверка данных в книге задана для слишком многих ячеек (целых листов): удалите её и загрузите файл снова.";
        }
        return null;
      },
    },
  });
}
