import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PARSE_LIMITS } from "@/lib/domain/files/parse-workbook";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import { cellValue, rowOf, sheetNamed } from "@/lib/domain/files/workbook-data";

/** A workbook of every kind of cell the imports meet, written by exceljs as Excel would save it. */
async function everyKind(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Данные");
  sheet.getCell("A1").value = "Текст\nв две строки";
  sheet.getCell("B1").value = 42.5;
  sheet.getCell("B1").numFmt = "0.00";
  sheet.getCell("C1").value = new Date(Date.UTC(2024, 8, 1));
  sheet.getCell("C1").numFmt = "dd.mm.yyyy";
  sheet.getCell("D1").value = true;
  sheet.getCell("E1").value = { formula: "B1*2", result: 85 };
  sheet.getCell("F1").value = { richText: [{ text: "курсив", font: { italic: true } }, { text: " и нет" }] };
  sheet.getCell("G1").value = { text: "Приказ", hyperlink: "https://example.org/order.pdf" };
  sheet.getCell("H1").value = { error: "#N/A" };
  sheet.getCell("I1").value = "123456";
  sheet.getCell("I1").font = { italic: true };
  sheet.getCell("J1").value = 7;
  sheet.getCell("J1").numFmt = "000000";
  sheet.getCell("A3").value = "Объединено";
  sheet.mergeCells("A3:C3");
  sheet.getCell("A200").value = "далеко";
  workbook.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = "x";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("a workbook read in the worker, as plain data", () => {
  it("keeps each cell's value, kind, text, number format and italics, the sheets in order and the merged ranges", async () => {
    const read = await readWorkbook(await everyKind());
    if (!read.ok) throw new Error(read.message);
    const { sheets } = read.workbook;
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["Данные", "visible"],
      ["Скрытый", "hidden"],
    ]);
    const sheet = sheetNamed(read.workbook, "Данные")!;
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 3, 200]);
    expect(sheet.merges).toEqual(["A3:C3"]);
    const [a, b, c, d, e, f, g, h, i, j] = rowOf(sheet, 1)!.cells;
    expect(a).toMatchObject({ kind: "string", value: "Текст\nв две строки", text: "Текст\nв две строки", italic: false });
    expect(b).toMatchObject({ kind: "number", value: 42.5, numFmt: "0.00" });
    expect(c).toMatchObject({ kind: "date", numFmt: "dd.mm.yyyy" });
    expect((c!.value as Date).toISOString()).toBe("2024-09-01T00:00:00.000Z");
    expect(d).toMatchObject({ kind: "boolean", value: true });
    expect(e).toMatchObject({ kind: "formula", value: { formula: "B1*2", result: 85 }, text: "85" });
    expect(f).toMatchObject({ kind: "richText", text: "курсив и нет" });
    expect(g).toMatchObject({ kind: "hyperlink", value: { text: "Приказ", hyperlink: "https://example.org/order.pdf" } });
    expect(h).toMatchObject({ kind: "error", value: { error: "#N/A" } });
    expect(i).toMatchObject({ kind: "string", value: "123456", italic: true });
    // exceljs's text applies no number format; `shown` is what Excel shows (SSF).
    expect(j).toMatchObject({ kind: "number", value: 7, numFmt: "000000", text: "7", shown: "000007" });
    expect(b).toMatchObject({ shown: "42.50" });
    expect(e).toMatchObject({ shown: "85" });
    expect(a).toMatchObject({ shown: null });
    // A cell inside a merged range holds the range's value, as exceljs gives it.
    expect(rowOf(sheet, 3)!.cells.map((cell) => cell?.kind)).toEqual(["string", "merge", "merge"]);
    expect(cellValue(sheet, 3, 2)).toBe("Объединено");
    expect(cellValue(sheet, 2, 1)).toBeNull();
    expect(cellValue(sheet, 200, 1)).toBe("далеко");
  });

  it("reads no more columns than asked for", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Широкий").addRow(Array.from({ length: 300 }, (_, i) => i));
    const read = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), { parseLimits: { ...PARSE_LIMITS, maxColumns: 12 } });
    expect(read.ok && read.workbook.sheets[0]!.rows[0]!.cells).toHaveLength(12);
  });
});
