import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { writeCsv } from "@/lib/domain/directory/csv";
import { csvRecords } from "../../support/csv";
import { writeTableXlsx } from "@/lib/domain/directory/school-file";
import { columnsFor, exportTable, type ExportTable } from "@/lib/domain/exports/columns";
import { csvField, writeCsvTable } from "@/lib/domain/exports/write-csv-table";
import { writeXlsxTable } from "@/lib/domain/exports/write-xlsx-table";
import { readZipDirectory } from "@/lib/domain/files/zip-guard";
import { writeRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { SEED } from "./property-config";

/**
 * Formula injection in exports (OWASP, "CSV Injection"): a text cell that starts
 * with = + - @, a tab or a carriage return is written so that no spreadsheet
 * evaluates it.
 *
 * CSV: such a cell gets an apostrophe in front, the one defence a text format
 * has (Excel shows the cell as text and hides the apostrophe; our importers drop
 * it again). XLSX: the cell is a string cell (never an <f> formula element) in a
 * column formatted as text ("@", so that editing the cell does not turn it into a
 * formula either), and its text is written as it is, with no apostrophe: in a
 * workbook an apostrophe would not be a marker but a character, seen in the cell,
 * sorted and filtered on, and read back by our own importers as part of the text.
 * Numbers and dates are typed cells in both: -5 is a number, not text.
 */

const DANGEROUS_START = /^[=+\-@\t\r]/u;

/** Text that a spreadsheet would take for a formula, and other text around it. */
const cellText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'=", "''+", "\t=", "\r@", " =", "＝"),
      fc.string({ unit: "binary", maxLength: 30 }),
    )
    .map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "-2+3",
    "+7 913 000-00-00",
    "@SUM(A1)",
    "\t=1+1",
    "\r\n=1",
    "-",
    "'",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
);

interface Row {
  text: string;
  day: string | null;
  count: number | null;
  share: number | null;
}
const c = columnsFor<Row>();
const COLUMNS = [
  c.text("Текст", (r) => r.text),
  c.date("Дата", (r) => r.day),
  c.number("Число", (r) => r.count),
  c.percent("Доля", (r) => r.share),
];
const row: fc.Arbitrary<Row> = fc.record({
  text: cellText,
  day: fc.option(
    fc.date({ min: new Date("1991-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    { nil: null },
  ),
  count: fc.option(fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
    nil: null,
  }),
  share: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }),
});

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
const tableOf = (rows: Row[]): ExportTable => exportTable("Лист", COLUMNS, once(rows));

async function written(write: (table: ExportTable, output: PassThrough) => Promise<void>, table: ExportTable): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await Promise.all([write(table, output), finished(output)]);
  return Buffer.concat(chunks);
}

/** The XML of a workbook's part, straight from the archive. */
function partOf(xlsx: Buffer, name: string): string {
  const directory = readZipDirectory(xlsx);
  if (!directory.ok) throw new Error(directory.message);
  const entry = directory.entries.find((e) => e.name === name)!;
  const at = entry.localHeaderOffset;
  const start = at + 30 + xlsx.readUInt16LE(at + 26) + xlsx.readUInt16LE(at + 28);
  const packed = xlsx.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(packed) : packed).toString("utf8");
}

/** No cell of the sheet is a formula: no <f> element anywhere. */
function expectNoFormulas(xlsx: Buffer) {
  const directory = readZipDirectory(xlsx);
  if (!directory.ok) throw new Error(directory.message);
  for (const entry of directory.entries.filter((e) => e.name.startsWith("xl/worksheets/") && e.name.endsWith(".xml"))) {
    expect(partOf(xlsx, entry.name)).not.toMatch(/<f[\s>/]/u);
  }
}

/** What Excel shows for a string written with toCellText: "_xHHHH_" is the character HHHH (exceljs leaves it in "str" cells). */
const decodeOoxml = (text: string) =>
  text.replace(/_x([0-9a-f]{4})_/giu, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

async function loadSheet(xlsx: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

const RUNS = { seed: SEED, numRuns: 40 };

/** The fields a spreadsheet reads from a CSV text in ";", the raw text of each (no apostrophe removed). */
const spreadsheetFields = (text: string): string[][] =>
  parse(text, { delimiter: ";", record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true });

describe("CSV exports neutralise formula-like text", () => {
  it("an apostrophe before every text cell a spreadsheet would evaluate; numbers and dates typed; the text read back exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const bytes = await written(writeCsvTable, tableOf(rows));
        const raw = spreadsheetFields(bytes.toString("utf8").replace(/^\uFEFF/u, "")).slice(1);
        expect(raw.length).toBe(rows.length);
        raw.forEach((fields, i) => {
          const r = rows[i]!;
          const [text, day, count, share] = fields as [string, string, string, string];
          expect(text).not.toMatch(DANGEROUS_START);
          expect(text).toBe(DANGEROUS_START.test(r.text.replace(/^'+/u, "")) ? `'${r.text}` : r.text);
          expect(day).toBe(r.day === null ? "" : r.day.split("-").reverse().join("."));
          // A negative number stays a number: its minus is not neutralised.
          expect(count).toBe(r.count === null ? "" : String(r.count).replace(".", ","));
          expect(share).toBe(r.share === null ? "" : `${String(r.share).replace(".", ",")}%`);
        });
        // Read back by our importers: exactly the text (a NUL makes a file no table, a lone surrogate is no UTF-8).
        if (rows.every((r) => !r.text.includes("\u0000") && r.text.isWellFormed())) {
          expect(
            csvRecords(bytes)
              .slice(1)
              .map((fields) => fields[0]),
          ).toEqual(rows.map((r) => r.text));
        }
      }),
      RUNS,
    );
  });

  it("the same in the tables written by the school, ДОТ and roadmap exports", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 5 }), (cells) => {
        const raw = spreadsheetFields(
          writeCsv(cells.map(([text, n]) => [text, n]))
            .toString("utf8")
            .replace(/^\uFEFF/u, ""),
        );
        raw.forEach((fields, i) => {
          expect(fields[0]).not.toMatch(DANGEROUS_START);
          expect(fields[1]).toBe(String(cells[i]![1]));
        });
      }),
      RUNS,
    );
  });

  it("one field: text neutralised, numbers typed", () => {
    expect(csvField("text", "=1+1")).toBe("'=1+1");
    expect(csvField("text", "\t=1+1")).toBe("'\t=1+1");
    expect(csvField("text", "\r=1+1")).toBe('"\'\r=1+1"');
    expect(csvField("text", "-1")).toBe("'-1");
    expect(csvField("number", -1)).toBe("-1");
    expect(csvField("number", -1.5)).toBe("-1,5");
    expect(csvField("percent", -2.5)).toBe("-2,5%");
    expect(csvField("number", Number.NaN)).toBe("");
    expect(csvField("date", "2024-02-29")).toBe("29.02.2024");
  });
});

describe("XLSX exports never hold a formula", () => {
  it("list exports: text as string cells formatted as text, exactly as given; numbers and dates typed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        const bytes = await written(writeXlsxTable, tableOf(rows));
        expectNoFormulas(bytes);
        const sheet = await loadSheet(bytes);
        rows.forEach((r, i) => {
          const cells = sheet.getRow(i + 2);
          const text = cells.getCell(1);
          if (r.text === "") expect([null, ""]).toContain(text.value);
          else {
            expect(text.type).toBe(ExcelJS.ValueType.String);
            expect(decodeOoxml(text.value as string)).toBe(r.text);
          }
          expect(text.numFmt).toBe("@");
          if (r.count !== null) {
            expect(cells.getCell(3).type).toBe(ExcelJS.ValueType.Number);
            expect(cells.getCell(3).value).toBe(r.count);
          }
          if (r.day !== null) expect(cells.getCell(2).type).toBe(ExcelJS.ValueType.Date);
        });
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it("the school and ДОТ tables and the roadmap: string cells, no formulas", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 4 }), async (pairs) => {
        const table = await writeTableXlsx(
          "Лист",
          [
            { width: 10, text: false },
            { width: 30, text: true },
            { width: 30, text: true },
          ],
          pairs.map(([a, b], i) => [-(i + 1), a, b]),
        );
        expectNoFormulas(table);
        const sheet = await loadSheet(table);
        pairs.forEach((_pair, i) => {
          expect(sheet.getRow(i + 1).getCell(1).value).toBe(-(i + 1));
          expect(sheet.getRow(i + 1).getCell(1).type).toBe(ExcelJS.ValueType.Number);
        });
        const roadmap = await writeRoadmapFile(
          {
            title: pairs[0]![0] || "Отчет",
            records: pairs.map(([a, b]) => ({
              regionCode: "23",
              municipality: a,
              title: b,
              description: a,
              timing: b,
              responsible: a,
              audience: b,
              documents: a,
            })),
          },
          "xlsx",
        );
        expectNoFormulas(roadmap);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
