import { crc32, deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { zip } from "./zip";

/**
 * Small but real files of every accepted kind, and hostile ones that only
 * pretend to be, for the upload tests.
 */

export function pdfSample(text = "Акт проверки"): Buffer {
  return Buffer.from(
    "%PDF-1.4\n" +
      "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n" +
      "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
      "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\n" +
      `% ${text}\n` +
      "trailer <</Root 1 0 R>>\n%%EOF\n",
  );
}

/** A 1×1 red PNG, chunk by chunk. */
export function pngSample(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))), // filter byte, then one pixel
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A complete 1×1 baseline JPEG (269 bytes, as an encoder writes it). */
export function jpegSample(): Buffer {
  return Buffer.from(
    "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOACqH/9k=",
    "base64",
  );
}

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const contentTypes = (mainType: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${mainType}"/></Types>`;

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Справка</w:t></w:r></w:p></w:body></w:document>`;

/** The three parts Word needs to open a document. */
export function docxSample(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "_rels/.rels": RELS,
    "word/document.xml": DOCUMENT,
  });
}

/** The same document declared macro-enabled (DOCM): a ZIP of Word parts that is not a DOCX. */
export function docmSample(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"),
    "_rels/.rels": RELS,
    "word/document.xml": DOCUMENT,
  });
}

export async function xlsxSample(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Показатели").addRow(["Критерий", "Балл"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Word's parts in a ZIP without [Content_Types].xml: an ordinary archive. */
export function plainZipSample(): Buffer {
  return zip({ "word/document.xml": DOCUMENT, "readme.txt": "просто архив" });
}

/** The start of a Windows executable ("MZ", DOS stub, PE header). */
export function exeSample(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "ascii");
  bytes.writeUInt32LE(0x80, 0x3c); // offset of the PE header
  bytes.write("PE\0\0", 0x80, "ascii");
  bytes.write("This program cannot be run in DOS mode.", 0x40, "ascii");
  return bytes;
}

export const htmlSample = () => Buffer.from("<!DOCTYPE html><html><body><script>fetch('/api/users')</script></body></html>");

export const svgSample = () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
