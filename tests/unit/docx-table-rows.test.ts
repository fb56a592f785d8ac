import { describe, expect, it } from "vitest";
import type { DocxCell, DocxDocument } from "@/lib/domain/files/docx-data";
import { docxSheets, docxTableRows } from "@/lib/domain/files/docx-table-rows";

const cell = (text: string, more: Partial<DocxCell> = {}): DocxCell => ({
  text,
  gridSpan: 1,
  vMergeContinue: false,
  italic: false,
  ...more,
});

describe("docxTableRows", () => {
  it("places cells on the table's grid: a span is its text then empty cells, a continued merge the first cell's text", () => {
    const rows = docxTableRows({
      before: "",
      at: 0,
      rows: [
        [cell("Код"), cell("Муниципалитет"), cell("Мероприятие")],
        [cell("23", { gridSpan: 1 }), cell("Краснодар и район", { gridSpan: 2 })],
        [cell("23"), cell(""), cell("Семинар")],
        [cell("24"), cell("", { vMergeContinue: true }), cell("Совещание")],
      ],
    });
    expect(rows.map((r) => r.cells)).toEqual([
      ["Код", "Муниципалитет", "Мероприятие"],
      ["23", "Краснодар и район", ""],
      ["23", "", "Семинар"],
      // The merge continues the cell above it in its grid column.
      ["24", "", "Совещание"],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it("reads a vertical merge down several rows, as Word shows it", () => {
    const rows = docxTableRows({
      before: "",
      at: 0,
      rows: [
        [cell("Краснодар"), cell("Семинар")],
        [cell("", { vMergeContinue: true }), cell("Совещание")],
        [cell("", { vMergeContinue: true }), cell("Круглый стол")],
      ],
    });
    expect(rows.map((r) => r.cells[0])).toEqual(["Краснодар", "Краснодар", "Краснодар"]);
  });

  it("marks a row in italics when every cell with text is, and a row of one cell across the table as merged", () => {
    const rows = docxTableRows({
      before: "",
      at: 0,
      rows: [
        [cell("№"), cell("Наименование"), cell("Наличие")],
        [cell("пояснение", { italic: true }), cell(""), cell("отметьте", { italic: true })],
        [cell("Раздел 1", { gridSpan: 3 })],
        [cell("1", { italic: true }), cell("Положение")],
      ],
    });
    expect(rows.map((r) => [r.italic, r.mergedAcross])).toEqual([
      [false, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });
});

describe("docxSheets", () => {
  it("names the tables «Таблица N», titles each by the paragraph above it, and keeps the paragraphs under it outside its columns", () => {
    const document: DocxDocument = {
      paragraphs: ["Отчёт", "Руководитель ____ /ФИО/", "", "Приложение"],
      tables: [
        { before: "Отчёт", at: 1, rows: [[cell("a"), cell("b")]] },
        { before: "", at: 3, rows: [[cell("c")]] },
      ],
    };
    expect(docxSheets(document)).toEqual([
      {
        name: "Таблица 1",
        title: "Отчёт",
        rows: [
          { row: 1, cells: ["a", "b"], italic: false, mergedAcross: false },
          { row: 2, cells: ["", "", "Руководитель ____ /ФИО/"] },
          { row: 3, cells: ["", "", ""] },
        ],
      },
      {
        name: "Таблица 2",
        title: null,
        rows: [
          { row: 1, cells: ["c"], italic: false, mergedAcross: false },
          { row: 2, cells: ["", "Приложение"] },
        ],
      },
    ]);
  });

  it("joins the tables that continue one another (same columns, only empty paragraphs between), numbering rows on", () => {
    const table = (at: number, ...texts: string[]) => ({ before: "", at, rows: texts.map((t) => [cell(t), cell("")]) });
    const sheets = docxSheets({
      paragraphs: ["Отчёт", "", "Примечание", ""],
      tables: [
        { ...table(1, "Код", "23"), before: "Отчёт" },
        table(2, "", "24"),
        table(3, "25"),
        { before: "", at: 4, rows: [[cell("x")]] },
      ],
    });
    expect(sheets.map((s) => [s.name, s.title, s.rows.map((r) => `${r.row}:${r.cells.join("|")}`)])).toEqual([
      ["Таблицы 1–2", "Отчёт", ["1:Код|", "2:23|", "3:|", "4:24|", "5:||Примечание"]],
      // A paragraph with text between: a table of its own.
      ["Таблица 3", null, ["1:25|", "2:||"]],
      // Other columns: a table of its own.
      ["Таблица 4", null, ["1:x"]],
    ]);
  });
});
