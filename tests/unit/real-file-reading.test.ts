import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseSchoolTable } from "@/lib/domain/directory/school-table";
import { excelSerialDay, readCellDay } from "@/lib/domain/files/cell-dates";
import { decodeText } from "@/lib/domain/files/decode-text";
import { readCsvText } from "@/lib/domain/files/read-csv";
import { tableBody } from "@/lib/domain/files/table-edges";
import type { SourceRow } from "@/lib/domain/files/table-file";
import { readRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { parseRoadmapRows, ROADMAP_COLUMNS } from "@/lib/domain/plans/roadmap-table";
import { readDate } from "@/lib/domain/students/student-table";

/**
 * How the imports read files as Russian Excel and people make them: the encoding
 * and separator, the rows around a table, dates typed every way (issue 17).
 */

const rows = (...cells: string[][]): SourceRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe("encodings", () => {
  const text = "Наименование;Адрес\r\nШкола № 1;«ул. Мира, 1»\r\n";

  it("reads UTF-8 with and without a byte order mark, UTF-16 LE and BE by their marks, Windows-1251 otherwise", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ ok: true, text, encoding: "UTF-8" });
    expect(decodeText(Buffer.from(`\uFEFF${text}`, "utf8"))).toEqual({ ok: true, text, encoding: "UTF-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16 LE",
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")]))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16 BE",
    });
    expect(decodeText(iconv.encode(text, "win1251"))).toEqual({ ok: true, text, encoding: "Windows-1251" });
  });

  it("refuses bytes that are no text: a NUL, or control characters where the bytes are not UTF-8", () => {
    expect(decodeText(Buffer.from("a\u0000b"))).toEqual({ ok: false });
    expect(decodeText(Buffer.from([0xcd, 0x01, 0x02, 0xe0]))).toEqual({ ok: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0, 0])]))).toEqual({ ok: false });
  });
});

describe("separators", () => {
  const isHeader = (cells: readonly string[]) => cells.includes("Наименование");

  it("judges ';', ',' or a tab by the header line, quotes respected, whatever the title above it holds", () => {
    expect(readCsvText('Перечень; школ; города\r\n"Наименование, полное",Наименование,Адрес\r\n"a;b",c,d')).toMatchObject({
      separator: ";",
    });
    expect(readCsvText('Перечень; школ; города\r\n"Наименование; полное",Наименование,Адрес\r\n"a;b",c,d', isHeader)).toMatchObject({
      ok: true,
      separator: ",",
      records: [["Перечень; школ; города"], ["Наименование; полное", "Наименование", "Адрес"], ["a;b", "c", "d"]],
    });
    expect(readCsvText('Наименование\tАдрес\r\n"две\nстроки"\t"кавычки ""в"" тексте"', isHeader)).toMatchObject({
      separator: "\t",
      records: [
        ["Наименование", "Адрес"],
        ["две\nстроки", 'кавычки "в" тексте'],
      ],
    });
  });
});

describe("dates as cells keep them", () => {
  it("reads a date typed ДД.ММ.ГГГГ, ДД.ММ.ГГ, ISO or as Excel's serial number alike", () => {
    for (const text of ["14.10.2021", "14.10.21", "2021-10-14", "44483", "44483.75"]) {
      expect(readCellDay(text)).toEqual({ kind: "day", date: "2021-10-14" });
    }
    // Excel's two-digit years: 00–29 this century, 30–99 the last.
    expect(readCellDay("01.09.29")).toEqual({ kind: "day", date: "2029-09-01" });
    expect(readCellDay("01.09.30")).toEqual({ kind: "day", date: "1930-09-01" });
    expect(readCellDay("31.02.2021")).toEqual({ kind: "impossible" });
    expect(readCellDay("в мае")).toEqual({ kind: "other" });
    // A workbook of the 1904 date system counts from 1904-01-01.
    expect(excelSerialDay(43021, { date1904: true })).toBe("2021-10-14");
    expect(excelSerialDay(2021)).toBeNull();
  });

  it("reads a student's dates so, in Russian when they are no dates", () => {
    expect(readDate("14.10.10")).toEqual({ ok: true, date: "2010-10-14" });
    expect(readDate("40100")).toEqual({ ok: true, date: "2009-10-14" });
    expect(readDate("30.02.2010")).toEqual({ ok: false, message: "Такой даты не бывает: укажите дату в виде ДД.ММ.ГГГГ." });
    expect(readDate("весной")).toEqual({ ok: false, message: "Укажите дату в виде ДД.ММ.ГГГГ." });
  });

  it("reads a roadmap's date written as a serial number as that day", async () => {
    const header = ROADMAP_COLUMNS.map((c) => c.header).join(";");
    const sheet = await readRoadmapFile(Buffer.from(`${header}\r\n23;Краснодар;Семинар;;44483;;;\r\n`), "plan.csv");
    expect(parseRoadmapRows(sheet).records[0]).toMatchObject({ timing: "14.10.2021" });
  });
});

describe("what sits around a table", () => {
  const edges = { hasKeyData: (r: SourceRow) => (r.cells[1] ?? "").trim() !== "", quote: true };

  it("leaves out column numbers under the header and signatures, notes and empty rows under the table, listing each", () => {
    const body = tableBody(
      rows(
        ["1", "2", "3"],
        ["1", "Школа № 1", "ул. Мира, 1"],
        ["2", "Школа № 2", "ул. Мира, 2"],
        ["", "", ""],
        ["Начальник управления образования ____ /ФИО/", "", ""],
        ["Исполнитель: Петрова Т.А., тел. 2-31-80", "", ""],
      ),
      edges,
    );
    expect(body.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(body.notices).toEqual([
      { kind: "explanation", row: 1, message: "«1 2 3» — не импортировано: пояснение под строкой заголовков" },
      {
        kind: "left-out",
        row: 5,
        message: "«Начальник управления образования ____ /ФИО/» — не импортировано: подпись/примечание под таблицей",
      },
      {
        kind: "left-out",
        row: 6,
        message: "«Исполнитель: Петрова Т.А., тел. 2-31-80» — не импортировано: подпись/примечание под таблицей",
      },
    ]);
  });

  it("takes a signature written in a key column, and the signatory's name under it, for a signature", () => {
    const body = tableBody(
      rows(["1", "Школа № 1", "ул. Мира, 1"], ["", "Директор ____________", "/И.И. Иванов/"], ["", "О.А. Саркисян", ""]),
      edges,
    );
    expect(body.rows.map((r) => r.row)).toEqual([1]);
    expect(body.notices.map((n) => n.row)).toEqual([2, 3]);
  });

  it("keeps a row in the middle of the table, and a last row that is data, so that their problems are said", () => {
    const body = tableBody(
      rows(["1", "Школа № 1", ""], ["2", "", "ул. Мира, 2"], ["3", "Школа № 3", ""], ["", "О.А. Саркисян", ""]),
      edges,
    );
    expect(body.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(body.notices).toEqual([]);
  });

  it("never quotes a row when asked not to (personal data)", () => {
    const body = tableBody(rows(["Иванов И.И.", "Школа"], ["Исполнитель: Петрова Т.А.", ""]), { ...edges, quote: false });
    expect(body.notices).toEqual([{ kind: "left-out", row: 2, message: "не импортировано: подпись/примечание под таблицей" }]);
  });

  it("still refuses a school row with missing data above the signature", () => {
    const NAME = "Наименование общеобразовательной организации";
    const table = parseSchoolTable(
      rows(
        ["№", NAME, "Юридический адрес", "ФИО руководителя", "Контактный телефон"],
        ["1", "Школа № 1", "ул. Мира, 1", "Иванова И.И.", "звонить"],
        ["2", "Школа № 2", "ул. Мира, 2", "", ""],
        ["Начальник управления образования ____ /ФИО/"],
      ),
    );
    expect(table.problems).toEqual([
      { row: 2, column: "Контактный телефон", message: expect.stringContaining("не похоже на номер телефона") },
    ]);
    expect(table.notices).toEqual([{ kind: "left-out", row: 4, message: expect.stringContaining("подпись/примечание под таблицей") }]);
  });
});
