import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import {
  attributeOfElements,
  checkXlsx,
  checkZip,
  countCells,
  rangeArea,
  readZipDirectory,
  SHEET_LIMITS,
  ZIP_LIMITS,
} from "@/lib/domain/files/zip-guard";
import { docxSample, xlsxSample } from "../../support/file-samples";
import {
  buildZip,
  declaredBombDocx,
  declaredBombXlsx,
  farCellXlsx,
  lyingBombDocx,
  lyingBombXlsx,
  manyEntriesXlsx,
  minimalXlsx,
  sheetXml,
  wholeSheetMergeXlsx,
  wholeSheetValidationXlsx,
  zerosDeflated,
  zip64BombXlsx,
} from "./hostile-samples";
import { CYRILLIC, SEED } from "./property-config";

const refusal = (result: { ok: boolean; message?: string }) => {
  expect(result.ok).toBe(false);
  expect((result as { message: string }).message).toMatch(CYRILLIC);
  return (result as { message: string }).message;
};

describe("zip guard: what it lets through", () => {
  it("passes real workbooks and documents, ZIP64 ones too", async () => {
    expect(await checkXlsx(await xlsxSample())).toEqual({ ok: true });
    expect(await checkZip(docxSample())).toEqual({ ok: true });
    expect(await checkXlsx(minimalXlsx(sheetXml([["Наименование", "Адрес"]]), []))).toEqual({ ok: true });
    const zip64 = buildZip(
      [
        { name: "a.xml", data: "<a/>", zip64: true },
        { name: "b.txt", data: "b", method: 0 },
      ],
      { zip64End: true },
    );
    expect(readZipDirectory(zip64)).toMatchObject({ ok: true, entries: [{ name: "a.xml", uncompressedSize: 4 }, { name: "b.txt" }] });
    expect(await checkZip(zip64)).toEqual({ ok: true });
  });

  it("passes a workbook streamed by exceljs's writer (archiver's ZIP, with data descriptors)", async () => {
    const { PassThrough } = await import("node:stream");
    const { writeXlsxTable } = await import("@/lib/domain/exports/write-xlsx-table");
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise((resolve) => output.on("end", resolve));
    async function* rows() {
      yield [["Школа", 1]];
    }
    await writeXlsxTable(
      {
        title: "Лист",
        columns: [
          { header: "Имя", type: "text" },
          { header: "Число", type: "number" },
        ],
        batches: rows(),
      },
      output,
    );
    await finished;
    expect(await checkXlsx(Buffer.concat(chunks))).toEqual({ ok: true });
  });

  it("a workbook exceljs wrote is read back by readWorkbook", async () => {
    const loaded = await readWorkbook(await xlsxSample());
    expect(loaded.ok && loaded.workbook.sheets[0]!.rows[0]!.cells[0]!.value).toBe("Критерий");
  });

  it("the zeros sample inflates to what it says", () => {
    expect(inflateRawSync(zerosDeflated(3)).length).toBe(3 * 1024 * 1024);
  });
});

describe("zip guard: bombs", () => {
  it("refuses parts that declare gigabytes, from the directory alone", async () => {
    for (const bomb of [declaredBombXlsx(), zip64BombXlsx(), declaredBombDocx()]) {
      expect(bomb.length).toBeLessThan(10_000);
      expect(refusal(readZipDirectory(bomb))).toContain("МБ");
      refusal(await checkZip(bomb));
    }
  });

  it("refuses a part that inflates to gigabytes while declaring a kilobyte, without inflating past the kilobyte", async () => {
    for (const bomb of [lyingBombXlsx(2), lyingBombDocx(1)]) {
      expect(readZipDirectory(bomb).ok).toBe(true);
      const started = performance.now();
      const before = process.memoryUsage().rss;
      refusal(await checkZip(bomb));
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    }
    const loaded = await readWorkbook(lyingBombXlsx(1));
    refusal(loaded);
  });

  it("refuses too many parts", async () => {
    expect(refusal(readZipDirectory(manyEntriesXlsx(ZIP_LIMITS.maxEntries + 10)))).toContain(String(ZIP_LIMITS.maxEntries));
    // An end record that claims millions of parts is refused before the directory is walked.
    refusal(readZipDirectory(buildZip([{ name: "a", data: "a" }], { entryCount: 65_000 })));
  });

  it("refuses sheets that exceljs would expand to billions of cells", async () => {
    refusal(await checkXlsx(wholeSheetMergeXlsx()));
    refusal(await checkXlsx(wholeSheetValidationXlsx()));
    // A lone far cell is no bomb for the guard; the readers walk existing rows and cells only.
    expect(await checkXlsx(farCellXlsx())).toEqual({ ok: true });
  });

  it("refuses a workbook of more cells than any table to import (a 5 MB workbook can hold a million)", async () => {
    expect(SHEET_LIMITS.maxCells).toBe(200_000);
    const small = { ...SHEET_LIMITS, maxCells: 100 };
    const table = (cells: number) => minimalXlsx(sheetXml(Array.from({ length: cells / 10 }, () => Array.from({ length: 10 }, () => "1"))));
    expect(await checkXlsx(table(100), { sheetLimits: small })).toEqual({ ok: true });
    expect(refusal(await checkXlsx(table(110), { sheetLimits: small }))).toContain("100");
    expect(countCells('<c r="A1"/><c>x</c><c\tr="B1"></c><cols/><col/><cell/>')).toBe(3);
  });

  it("counts ranges as exceljs reads them", () => {
    expect(rangeArea("A1")).toBe(1);
    expect(rangeArea("A1:C3")).toBe(9);
    expect(rangeArea("C3:A1 E5")).toBe(10);
    expect(rangeArea("$A$1:$B$2")).toBe(4);
    expect(rangeArea("A1:XFD1048576")).toBe(16384 * 1048576);
    expect(rangeArea("A1:A99999999")).toBe(99999999);
    expect(rangeArea("nonsense")).toBe(1);
  });

  it("finds elements in linear time, whatever the text", () => {
    const xml = '<x:mergeCells><x:mergeCell ref="A1:B2"/><mergeCell  ref = \'C1:C3\' /></x:mergeCells><t>mergeCell ref="Z1:Z9"</t>';
    expect([...attributeOfElements(xml, "mergeCell", "ref")]).toEqual(["A1:B2", "C1:C3"]);
    for (const hostile of ["<mergeCell".repeat(200_000), "mergeCell>".repeat(200_000), `<mergeCell ${" ".repeat(2_000_000)}`]) {
      const started = performance.now();
      expect([...attributeOfElements(hostile, "mergeCell", "ref")]).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});

describe("zip guard: random and damaged bytes", () => {
  it("never throws on random bytes, and refuses them in Russian", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const directory = readZipDirectory(bytes);
        if (!directory.ok) expect(directory.message).toMatch(CYRILLIC);
        const checked = await checkXlsx(bytes);
        if (!checked.ok) expect(checked.message).toMatch(CYRILLIC);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("never throws on a real workbook truncated, or with bytes overwritten", async () => {
    const workbook = await xlsxSample();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: workbook.length }),
        fc.array(fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (cut, patches) => {
          const bytes = Buffer.from(workbook);
          for (const [at, value] of patches) bytes[at] = value;
          for (const sample of [bytes.subarray(0, cut), bytes]) {
            const loaded = await readWorkbook(sample);
            if (!loaded.ok) expect(loaded.message).toMatch(CYRILLIC);
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("refuses encrypted parts and unknown compression", async () => {
    refusal(await checkZip(buildZip([{ name: "a.xml", data: "<a/>", flags: 1 }])));
    const stored = buildZip([{ name: "a.xml", data: "<a/>", method: 0 }]);
    stored.writeUInt16LE(12, 8); // bzip2 in the local header…
    stored.writeUInt16LE(12, stored.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // …and in the directory
    refusal(await checkZip(stored));
  });

  it("an exceljs workbook with formulas loads", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист").addRow([{ formula: 'HYPERLINK("http://evil.example","x")', result: "x" }]);
    const loaded = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(loaded.ok).toBe(true);
  });
});
