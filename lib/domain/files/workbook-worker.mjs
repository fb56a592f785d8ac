// Loads uploaded XLSX workbooks with exceljs, one message at a time, inside a worker
// thread started by lib/domain/files/parse-workbook.ts with resourceLimits and a deadline,
// and answers each with plain data (lib/domain/files/workbook-data.ts describes it): a
// workbook that exhausts memory or time ends this thread, never the server process.
// Nothing is kept between messages.
//
// Plain JavaScript loaded by its path at run time, so that it runs unchanged under
// the Next.js server build, vitest and tsx; exceljs comes from node_modules.
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import ExcelJS from "exceljs";
import SSF from "ssf";

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

async function parse({ bytes, maxColumns }) {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const date1904 = workbook.properties?.date1904 === true;
    return { ok: true, workbook: { date1904, sheets: workbook.worksheets.map((sheet) => sheetData(sheet, maxColumns, date1904)) } };
  } catch (error) {
    // An array or string past V8's size, a stack too deep: the workbook is too heavy, not unreadable.
    return { ok: false, reason: error instanceof RangeError ? "heavy" : "unreadable" };
  }
}

parentPort.on("message", async (job) => {
  const result = await parse(job);
  parentPort.postMessage({ ...result, heapUsed: getHeapStatistics().used_heap_size });
});
