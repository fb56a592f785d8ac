import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DocxTable } from "@/lib/domain/files/docx-data";
import { parseDocumentXml } from "@/lib/domain/files/docx-xml.mjs";
import { oleKind } from "@/lib/domain/files/ole-file";
import {
  DOCX_ENCRYPTED,
  DOCX_WITH_MACROS,
  docxContentProblem,
  LEGACY_DOC,
  MAX_DOCX_DOCUMENT_BYTES,
  readDocx,
} from "@/lib/domain/files/read-docx";
import { NOT_A_DOCX } from "@/lib/domain/files/zip-guard";
import { docmSample, docxSample, pdfSample, xlsxSample } from "../support/file-samples";

/** The fixtures of tests/fixtures/docx (made by make-fixtures.py: Python's zipfile, LibreOffice). */
const fixture = (name: string) => readFileSync(`tests/fixtures/docx/${name}`);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (xml: string) => [`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${xml}</w:body></w:document>`];
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A table as Word shows it: each cell's text, with a mark for spans, continued merges and italics. */
const shown = (table: DocxTable) =>
  table.rows.map((row) =>
    row.map(
      (c) =>
        c.text +
        (c.gridSpan > 1 ? ` [${c.gridSpan} columns]` : "") +
        (c.vMergeContinue ? "[merged above]" : "") +
        (c.italic ? " [italic]" : ""),
    ),
  );

describe("readDocx on a hand-written Word document (tests/fixtures/docx/marks.docx)", () => {
  it("reads the table as Word shows it: checkboxes, check marks, spans, merges, nested tables, changes, fields, footnotes", async () => {
    const read = await readDocx(fixture("marks.docx"));
    if (!read.ok) throw new Error(read.message);
    expect(read.document.paragraphs).toEqual(["Бланк самообследования", "", "Руководитель ____________ /Иванов И.И./"]);
    expect(read.document.tables).toHaveLength(1);
    const table = read.document.tables[0]!;
    expect({ before: table.before, at: table.at }).toEqual({ before: "Бланк самообследования", at: 2 });
    expect(shown(table)).toEqual([
      ["№", "Наименование", "Наличие"],
      ["пояснение [italic]", "Заполните столбцы [italic]", ""],
      // Content-control checkboxes: the state, not the glyph Word last drew; a typed superscript digit.
      ["1.1", "Положение¹", "☒"],
      ["1.2", "Приказ²", "☐"],
      // Legacy form checkboxes (FORMCHECKBOX): checked, and left at its default.
      ["1.3", "Форма", "☒"],
      ["1.4", "Форма пустая", "☐"],
      // Wingdings: w:sym F0FC, and «ü» typed in the font, are the check mark.
      ["1.5", "Галочка", "✓"],
      ["1.6", "Набрано шрифтом", "✓"],
      ["1.7", "Квадраты", "☒☒☐☐✗"],
      ["Раздел 2: объединено поперёк [3 columns]"],
      ["2.1", "Две строки", "+"],
      ["[merged above]", "Вторая", "да"],
      // A nested table's paragraphs are lines of its cell.
      ["2.2", "Вложенная\nвнутри 1\nвнутри 2", "есть"],
      // A tracked deletion is not shown, an insertion is; fields show their results, never their instructions.
      ["2.3", "Было вставлено", "701.02.2024"],
      // A line break and a paragraph are "\n", a tab "\t"; a footnote reference is its number, superscript.
      ["2.4", "Строка\nперенос\nАбзац\tтаб", "сноска¹"],
    ]);
  });

  it("reads the document Word's own writer makes (LibreOffice, from seed 002's HTML)", async () => {
    const read = await readDocx(fixture("roadmap-002.docx"));
    if (!read.ok) throw new Error(read.message);
    const [table] = read.document.tables;
    expect(table!.before).toMatch(/^Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год/u);
    expect(table!.rows).toHaveLength(17);
    expect(table!.rows[0]![0]!.text).toBe("Код региона");
    expect(table!.rows[1]!.filter((c) => c.text !== "").every((c) => c.italic)).toBe(true);
    expect(read.document.paragraphs.filter((text) => text.trim() !== "").slice(1)).toEqual([
      "Начальник отдела мониторинга системы образования МКУ КНМЦ",
      "О.А.Саркисян",
    ]);
  });
});

describe("parseDocumentXml", () => {
  it("keeps the body's paragraphs and tables in order, each table with the text before it", () => {
    const table = (text: string) => `<w:tbl><w:tr><w:tc>${p(text)}</w:tc></w:tr></w:tbl>`;
    const document = parseDocumentXml(body(`${p("Первый")}${table("а")}${p("")}${table("б")}${p("Последний")}`));
    expect(document.paragraphs).toEqual(["Первый", "", "Последний"]);
    expect(document.tables.map((t) => ({ before: t.before, at: t.at, text: t.rows[0]![0]!.text }))).toEqual([
      { before: "Первый", at: 1, text: "а" },
      // Nothing with text between the two tables: the second has no title of its own.
      { before: "", at: 2, text: "б" },
    ]);
  });

  it("leaves out hidden text, moved-away text, text boxes and the fallback copy of alternate content", () => {
    const document = parseDocumentXml(
      body(
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрыто</w:t></w:r><w:r><w:t>видно</w:t></w:r>" +
          '<w:moveFrom w:id="1"><w:r><w:t>перенесено</w:t></w:r></w:moveFrom>' +
          '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">' +
          "<w:r><w:t>!</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>!!</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>",
      ),
    );
    expect(document.paragraphs).toEqual(["видно!"]);
  });

  it("writes a checkbox control's state where it stands, inline or around a whole paragraph, instead of its glyph", () => {
    const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const checkbox = (checked: boolean, content: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox ${W14}><w14:checked ${W14} w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const document = parseDocumentXml(
      body(`<w:p><w:r><w:t>Есть </w:t></w:r>${checkbox(true, "<w:r><w:t>☐</w:t></w:r>")}</w:p>${checkbox(false, p("☒"))}`),
    );
    expect(document.paragraphs).toEqual(["Есть ☒", "☐"]);
  });

  it("refuses a DOCTYPE (Word writes none) and XML that is not well formed", () => {
    expect(() => parseDocumentXml([`<!DOCTYPE w [<!ENTITY a "aaaa">]><w:document ${W}/>`])).toThrow();
    expect(() => parseDocumentXml([`<w:document ${W}><w:body>`])).toThrow();
  });

  it("reads XML split anywhere into chunks as one text", () => {
    const [xml] = body(p("Пример «текста»"));
    const chunks = [...xml!].map((c) => c);
    expect(parseDocumentXml(chunks).paragraphs).toEqual(["Пример «текста»"]);
  });
});

describe("readDocx refusals", () => {
  it.each([
    ["macros.docm", DOCX_WITH_MACROS],
    ["encrypted.docx", DOCX_ENCRYPTED],
    ["legacy.doc", LEGACY_DOC],
  ])("refuses %s with a sentence saying what to do", async (name, message) => {
    expect(await readDocx(fixture(name))).toEqual({ ok: false, message });
  });

  it("refuses bombs and names that are paths from the archive's directory", async () => {
    for (const name of ["bomb.docx", "lying-bomb.docx", "slash-name.docx", "dotdot-name.docx"]) {
      const read = await readDocx(fixture(name));
      expect(read.ok, name).toBe(false);
      expect(read.ok || read.message, name).toMatch(/не принимается|повреждён/u);
    }
  });

  it("refuses a body over its limit before inflating it", async () => {
    const read = await readDocx(docxSample(), { maxDocumentBytes: 100 });
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^Текст документа распаковывается больше чем в 0 МБ/u) });
    expect(MAX_DOCX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
  });

  it("refuses what is no Word document: a workbook, a PDF, a .docm by its content type alone", async () => {
    expect(await readDocx(await xlsxSample())).toEqual({ ok: false, message: NOT_A_DOCX });
    expect(await readDocx(pdfSample())).toEqual({ ok: false, message: NOT_A_DOCX });
    expect(await readDocx(docmSample())).toEqual({ ok: false, message: DOCX_WITH_MACROS });
  });

  it("tells macros by a vbaProject.bin part whatever the content types say", () => {
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    expect(docxContentProblem({ names: ["word/document.xml"], contentTypes: docx })).toBeNull();
    expect(docxContentProblem({ names: ["word/document.xml", "word/VBAPROJECT.bin"], contentTypes: docx })).toBe(DOCX_WITH_MACROS);
    expect(docxContentProblem({ names: ["word/document.xml"], contentTypes: "" })).toBe(NOT_A_DOCX);
  });
});

describe("oleKind", () => {
  it("tells a password-protected Office file from a Word 97–2003 one, and both from anything else", () => {
    expect(oleKind(fixture("encrypted.docx"))).toBe("encrypted");
    expect(oleKind(fixture("legacy.doc"))).toBe("doc");
    const bare = Buffer.alloc(1024);
    bare.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(oleKind(bare)).toBe("other");
    expect(oleKind(fixture("marks.docx"))).toBeNull();
  });
});
