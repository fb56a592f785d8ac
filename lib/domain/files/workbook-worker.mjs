// Loads uploaded XLSX workbooks with exceljs, and Word documents' body XML with saxes
// (docx-xml.mjs), one message at a time, inside a worker thread started by
// lib/domain/files/parse-workbook.ts with resourceLimits and a deadline, and answers each
// with plain data (lib/domain/files/workbook-data.ts and docx-data.ts describe it): a
// file that exhausts memory or time ends this thread, never the server process.
// Nothing is kept between messages; exceljs is loaded on the first workbook only, so
// that a thread reading Word documents spends its memory on them.
//
// Plain JavaScript loaded by its path at run time, so that it runs unchanged under
// the Next.js server build, vitest and tsx; exceljs comes from node_modules.
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import SSF from "ssf";
import { parseDocumentXml } from "./docx-xml.mjs";

/** exceljs's ValueType numbers, by name. */
const KINDS = ["empty", "merge", "number", "string", "date", "hyperlink", "formula", "sharedString", "richText", "boolean", "error"];

/**
 * A number as Excel shows it in its cell: the number format applied by SSF
 * (SheetJS's formatter of Excel number formats), so that 23180 formatted "0-00-00"
 * is the phone 2-31-80 and 7 formatted "000000" is 000007. exceljs's cell.text
 * applies no format. Null for a format SSF cannot render.
 */
function shownNumber(value, numFmt, date1904) {
  try {
    return SSF.format(numFmt ?? "General", value, { date1904 });
  } catch {
    return null;
  }
}

/** A cell as data, or null for an empty one (nothing in it; its style alone does not count). */
function cellData(cell, date1904) {
  const kind = KINDS[cell.type] ?? "empty";
  if (kind === "empty") return null;
  const numFmt = typeof cell.numFmt === "string" ? cell.numFmt : null;
  const value = cell.value;
  // A number, or a formula's cached number; a merged cell's is its range's first cell's.
  const number = typeof value === "number" ? value : typeof value?.result === "number" ? value.result : null;
  return {
    kind,
    // For a merged cell, the value of the range's first cell, as exceljs gives it.
    value,
    // exceljs's own text of the value (a formula's result, a link's text); no number format applied.
    text: cell.text,
    shown: number === null ? null : shownNumber(number, numFmt, date1904),
    numFmt,
    italic: cell.font?.italic === true,
  };
}

/** The rows that hold anything, each with its cells from column 1 to its last one, at most `maxColumns`. */
function sheetData(sheet, maxColumns, date1904) {
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const width = Math.min(row.cellCount, maxColumns);
    const cells = [];
    for (let column = 1; column <= width; column++) cells.push(cellData(row.getCell(column), date1904));
    rows.push({ row: number, cells });
  });
  return {
    name: sheet.name,
    state: sheet.state ?? "visible",
    rows,
    merges: Object.keys(sheet._merges ?? {}).map((key) => sheet._merges[key].range),
  };
}

async function parseXlsx({ bytes, maxColumns }) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const date1904 = workbook.properties?.date1904 === true;
  return { ok: true, workbook: { date1904, sheets: workbook.worksheets.map((sheet) => sheetData(sheet, maxColumns, date1904)) } };
}

/** The XML decoded a megabyte at a time, so that no second copy of the whole text is made. */
function* textChunks(bytes) {
  const decoder = new TextDecoder("utf-8");
  const step = 1024 * 1024;
  for (let at = 0; at < bytes.byteLength; at += step) yield decoder.decode(bytes.subarray(at, at + step), { stream: true });
  yield decoder.decode();
}

function parseDocx({ bytes }) {
  return { ok: true, document: parseDocumentXml(textChunks(bytes)) };
}

async function parse(job) {
  try {
    return job.kind === "docx" ? parseDocx(job) : await parseXlsx(job);
  } catch (error) {
    // An array or string past V8's size, a stack too deep: the file is too heavy, not unreadable.
    return { ok: false, reason: error instanceof RangeError ? "heavy" : "unreadable" };
  }
}

parentPort.on("message", async (job) => {
  const result = await parse(job);
  parentPort.postMessage({ ...result, heapUsed: getHeapStatistics().used_heap_size });
});
