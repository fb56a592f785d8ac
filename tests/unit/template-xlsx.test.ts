import type ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { ITEM_KINDS, walkItems, ZTemplateDocument, type TTemplateDocument, type TTemplateItem } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { readTemplateFile } from "@/lib/domain/templates/template-file";
import { templateFromJson, templateToJson } from "@/lib/domain/templates/template-json";
import { templateFromXlsx, templateToXlsx } from "@/lib/domain/templates/template-xlsx";
import { refusal as appRefusal } from "../support/refusals";
import { workbookOf } from "../support/spreadsheets";

const SEEDS = [SCHOOL_BLANK, MUNICIPAL_BLANK];

const texts = (row: ExcelJS.Row, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row.getCell(from + i).text);

/** The seed's export, changed as a person would change it in Excel. */
async function edited(doc: TTemplateDocument, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await workbookOf(await templateToXlsx(doc));
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(read: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await appRefusal(read);
  expect(error.code).toBe("VALIDATION");
  return error;
}

const blankOf = (workbook: ExcelJS.Workbook) => workbook.getWorksheet("Бланк")!;

describe("the seed blanks survive export and import unchanged", () => {
  it.each(SEEDS.map((seed) => [seed.key, seed] as const))("%s through XLSX and JSON", async (_key, seed) => {
    const doc = { ...seed, version: 4 };
    expect(await templateFromXlsx(await templateToXlsx(doc))).toStrictEqual(doc);
    expect(templateFromJson(templateToJson(doc))).toStrictEqual(doc);
    expect(await templateFromXlsx(await templateToXlsx(seed))).toStrictEqual(seed);
  });

  it("tells the formats apart by content, whatever the file is called", async () => {
    expect(await readTemplateFile(await templateToXlsx(SCHOOL_BLANK))).toStrictEqual(SCHOOL_BLANK);
    expect(await readTemplateFile(templateToJson(MUNICIPAL_BLANK))).toStrictEqual(MUNICIPAL_BLANK);
  });
});

describe("the workbook an auditor opens", () => {
  it("starts with the printed blank: the seed's column headers, then its rows in printed order", async () => {
    const workbook = await workbookOf(await templateToXlsx(SCHOOL_BLANK));
    const sheet = blankOf(workbook);
    expect(texts(sheet.getRow(1), 1, 4)).toEqual([
      "№ п/п",
      "Нормативная документация БШ",
      "Реквизиты документа / численность",
      "Соответствие официальным данным",
    ]);
    const printed = [...walkItems(SCHOOL_BLANK.content.items)].map(({ item }) => [item.number, item.title, "", ""]);
    expect(sheet.rowCount).toBe(printed.length + 1);
    expect(printed.map((_, i) => texts(sheet.getRow(i + 2), 1, 4))).toEqual(printed);
    expect(texts(sheet.getRow(2), 1, 2)).toEqual(["1.", "Соглашения"]);
    expect(texts(sheet.getRow(3), 1, 2)).toEqual(["1.1", "- между БШ и школами по месту жительства"]);
    // The rest of each item follows, in words: its nesting, answer kind, legal basis, footnote, flags.
    expect(texts(sheet.getRow(3), 5, 16)).toEqual(["2", "Документ (реквизиты)", "", "", "", "", "", "¹", "", "нет", "1", "нет"]);
    expect(texts(sheet.getRow(2), 7, 11)).toEqual([
      "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6",
      "Приказ МОНМТ КК",
      "22.07.2021",
      "2378",
      "3.6",
    ]);
  });

  it("keeps the municipal blank's two rows numbered 1.1.1 and its section with headers of its own", async () => {
    const sheet = blankOf(await workbookOf(await templateToXlsx(MUNICIPAL_BLANK)));
    expect(texts(sheet.getRow(1), 1, 4)).toEqual([
      "№ п/п",
      "Наименование документа",
      "Реквизиты документа",
      "Соответствие официальным данным",
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => texts(sheet.getRow(i + 2), 1, 2).join(" "));
    expect(rows.filter((row) => row.startsWith("1.1.1 "))).toEqual([
      "1.1.1 -об организации работы БШ",
      "1.1.1 - о назначении муниципального координатора",
    ]);
    const section2 = sheet.getRow(rows.indexOf("2. Эффективность организации деятельности") + 2);
    expect(texts(section2, 17, 20)).toEqual(["№ п/п", "Критерий", "Наличие/ численность", "Соответствие официальным данным"]);
    const annual = sheet.getRow(rows.indexOf("2.2 База данных кандидатов") + 2);
    expect(annual.getCell(14).text).toBe("да");
  });

  it("freezes the header row, wraps text and gives the title column room", async () => {
    const workbook = await workbookOf(await templateToXlsx(SCHOOL_BLANK));
    for (const sheet of workbook.worksheets) expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const sheet = blankOf(workbook);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(50);
    expect(sheet.getRow(5).getCell(2).alignment).toMatchObject({ wrapText: true });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Бланк", "Шаблон"]);
    const meta = workbook.getWorksheet("Шаблон")!;
    expect(texts(meta.getRow(3), 1, 2)).toEqual(["Ключ шаблона", "mcdo-school-coordinator"]);
    expect(texts(meta.getRow(5), 1, 2)).toEqual(["Уровень", "Школьный координатор"]);
  });

  it("writes several legal bases and footnotes of one item one per line, and reads them back", async () => {
    const item = SCHOOL_BLANK.content.items[5]!;
    const doc: TTemplateDocument = {
      ...SCHOOL_BLANK,
      content: {
        ...SCHOOL_BLANK.content,
        items: [
          {
            ...item,
            legalBasis: [
              ...item.legalBasis,
              { text: "ФЗ № 273-ФЗ ст. 16", document: null, date: null, number: "273-ФЗ", clauses: ["ст. 16", "ч. 3; абз. 2"] },
            ],
            footnotes: [
              { mark: "¹", text: "по состоянию на 01.09" },
              { mark: "²", text: null },
            ],
          },
        ],
      },
    };
    const bytes = await templateToXlsx(doc);
    const row = blankOf(await workbookOf(bytes)).getRow(2);
    expect(row.getCell(7).text).toBe("Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.7\nФЗ № 273-ФЗ ст. 16");
    expect(row.getCell(11).text).toBe("5.3; 5.7\nст. 16; ч. 3\\; абз. 2");
    expect(row.getCell(12).text).toBe("¹\n²");
    expect(await templateFromXlsx(bytes)).toStrictEqual(doc);
  });
});

describe("any valid template survives XLSX and JSON unchanged", () => {
  // Cyrillic, and the characters the cell encodings must protect: line breaks, backslashes,
  // semicolons, quotes, XLSX's own "_xHHHH_" escapes and a character XML cannot carry.
  const unit = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ0123456789 .,-№«»()") },
    { weight: 1, arbitrary: fc.constantFrom("\n", "\r\n", "\\", "\\n", ";", "\\;", '"', '""', "_x0041_", "_x005F_", "\u0001", "\t", "😀") },
  );
  const text = (maxUnits: number) =>
    fc
      .string({ unit, minLength: 1, maxLength: maxUnits })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const optionalText = (maxUnits: number) => fc.oneof(fc.constant(null), fc.constant(""), fc.constant('""'), text(maxUnits));
  const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
  const headers = fc.record({ number: text(10), name: text(20), value: text(20), match: text(20) });
  const basis = fc.record({
    text: text(30),
    document: optionalText(20),
    date: fc.option(
      fc.date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    number: optionalText(8),
    clauses: fc.array(text(6), { maxLength: 4 }),
  });
  const footnote = fc.record({ mark: fc.constantFrom("¹", "²", "*", "**", "1)", "\\", '""', "а;б"), text: optionalText(20) });

  type Unkeyed = Omit<TTemplateItem, "key" | "children"> & { children: Unkeyed[] };
  const { item } = fc.letrec<{ item: Unkeyed }>((tie) => ({
    item: fc.record({
      number: fc.oneof(fc.constantFrom("1.", "1.1", "1.1.1", "2", "", "10.2.3"), text(3)),
      title: text(40),
      kind: fc.constantFrom(...ITEM_KINDS),
      legalBasis: fc.array(basis, { maxLength: 3 }),
      footnotes: fc.array(footnote, { maxLength: 3 }),
      annualUpdate: fc.boolean(),
      weight: percent,
      critical: fc.boolean(),
      columns: fc.option(headers, { nil: null }),
      children: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant<Unkeyed[]>([]),
        fc.array(tie("item"), { minLength: 1, maxLength: 3 }),
      ),
    }),
  }));

  /** Keys must be unique in a template: a random prefix and a counter. */
  function withKeys(items: Unkeyed[], prefix: string, next = { n: 0 }): TTemplateItem[] {
    return items.map((it) => ({
      ...it,
      key: `${prefix}${(next.n++).toString(16).padStart(12, "0")}`,
      children: withKeys(it.children, prefix, next),
    }));
  }

  const document = fc
    .record({
      key: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}$/),
      name: text(30),
      level: fc.constantFrom("MUNICIPAL" as const, "SCHOOL" as const),
      version: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
      title: text(20),
      subtitle: fc.oneof(fc.constant(""), text(40)),
      subjectCaption: fc.oneof(fc.constant(""), text(20)),
      columns: headers,
      bands: fc.tuple(percent, percent),
      items: fc.array(item, { minLength: 1, maxLength: 4 }),
      keyPrefix: fc.uuid().map((uuid) => uuid.slice(0, 24)),
    })
    .map(({ version, bands: [a, b], items, keyPrefix, title, subtitle, subjectCaption, columns, ...identity }) =>
      ZTemplateDocument.parse({
        format: "metodaudit.template/v1",
        ...identity,
        ...(version === undefined ? {} : { version }),
        content: {
          title,
          subtitle,
          subjectCaption,
          columns,
          gradeBands: { compliant: Math.max(a, b), partial: Math.min(a, b) },
          items: withKeys(items, keyPrefix),
        },
      }),
    );

  it("random templates: nested items, repeated numbers, several legal bases and footnotes, sections with their own headers", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        expect(await templateFromXlsx(await templateToXlsx(doc))).toStrictEqual(doc);
        expect(templateFromJson(templateToJson(doc))).toStrictEqual(doc);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe("a workbook that does not fit is refused, naming sheet, row and column", () => {
  it("without one of its sheets", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => workbook.removeWorksheet(workbook.getWorksheet("Шаблон")!.id));
    expect((await refusal(templateFromXlsx(bytes))).message).toBe("Шаблон не принят: книга: нет листа «Шаблон»");
  });

  it("with an answer kind it does not know", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      blankOf(workbook).getCell("F3").value = "Документ";
    });
    const error = await refusal(templateFromXlsx(bytes));
    expect(error.message).toContain("лист «Бланк», строка 3, столбец F («Вид ответа»): неизвестный вид ответа «Документ»");
    expect(error.fieldErrors["Бланк!F3"]).toHaveLength(1);
  });

  it("with broken nesting", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      blankOf(workbook).getCell("E2").value = 2;
      blankOf(workbook).getCell("E5").value = 4;
    });
    const error = await refusal(templateFromXlsx(bytes));
    expect(error.message).toContain("строка 2, столбец E («Уровень вложенности»): первый пункт должен быть уровня 1, а не 2");
    expect(error.message).toContain(
      "строка 5, столбец E («Уровень вложенности»): уровень 4 сразу после уровня 2: пропущен уровень вложенности",
    );
  });

  it("with a word where a number belongs", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      blankOf(workbook).getCell("O4").value = "много";
      workbook.getWorksheet("Шаблон")!.getCell("B14").value = "девяносто";
    });
    const error = await refusal(templateFromXlsx(bytes));
    expect(error.message).toContain("лист «Бланк», строка 4, столбец O («Вес»): не число: «много»");
    expect(error.message).toContain("лист «Шаблон», строка 14, столбец B («Значение»): не число: «девяносто»");
  });

  it("with values the template does not allow, found in the cell they came from", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      const sheet = blankOf(workbook);
      sheet.getCell("B4").value = "   ";
      sheet.getCell("O5").value = 150;
      sheet.getCell("G6").value = "Приказ № 1\nПриказ № 2";
      sheet.getCell("I6").value = "22.07.2021\n31.02.2022";
      workbook.getWorksheet("Шаблон")!.getCell("B15").value = 95;
    });
    const error = await refusal(templateFromXlsx(bytes));
    expect(error.message).toContain("строка 4, столбец B («Нормативная документация БШ»): Укажите наименование пункта.");
    expect(error.message).toContain("строка 5, столбец O («Вес»): Вес не больше 100.");
    expect(error.message).toContain("строка 6, столбец I («Основание: дата»): Дата в формате ГГГГ-ММ-ДД. (строка 2 в ячейке)");
    expect(error.message).toContain("лист «Шаблон», строка 15, столбец B («Значение»): Порог «частично соответствует», %: Нижняя граница");
  });

  it("with a printed header changed on one sheet only", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      blankOf(workbook).getCell("B1").value = "Документы";
    });
    const error = await refusal(templateFromXlsx(bytes));
    expect(error.message).toContain(
      "лист «Бланк», строка 1, столбец B («Документы»): заголовок «Документы» не совпадает с листом «Шаблон» (строка 11: «Нормативная документация БШ»)",
    );
  });

  it("when it is not a workbook at all", async () => {
    const error = await refusal(templateFromXlsx(Buffer.from("PK\u0003\u0004 not really a zip")));
    expect(error.message).toBe("Файл не читается как книга Excel (.xlsx).");
  });

  it("but a row added in Excel without a key becomes a new item", async () => {
    const bytes = await edited(SCHOOL_BLANK, (workbook) => {
      blankOf(workbook).addRow(["7", "Журнал консультаций", null, null, 1, "Наличие (✓)"]);
    });
    const doc = await templateFromXlsx(bytes);
    const added = doc.content.items.at(-1)!;
    expect(added).toMatchObject({ number: "7", title: "Журнал консультаций", kind: "PRESENCE", weight: 1, legalBasis: [] });
    expect(added.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.content.items.slice(0, -1)).toStrictEqual(SCHOOL_BLANK.content.items);
  });
});

describe("a JSON file that does not fit is refused, naming the path in the document", () => {
  it("names the item's field and the problem", async () => {
    const json = JSON.parse(templateToJson(SCHOOL_BLANK).toString("utf8"));
    json.content.items[0].children[1].kind = "ANSWER";
    const error = await refusal(() => templateFromJson(Buffer.from(JSON.stringify(json))));
    expect(error.message).toBe("Шаблон не принят: content.items.0.children.1.kind: Выберите вид ответа.");
    expect(error.fieldErrors).toEqual({ "content.items.0.children.1.kind": ["Выберите вид ответа."] });
  });

  it("names the line of a syntax error, and accepts a byte-order mark", async () => {
    const error = await refusal(() => templateFromJson(Buffer.from('{\n  "format": "metodaudit.template/v1",\n  "key" "x"\n}')));
    expect(error.message).toBe("Файл не читается как JSON: ошибка синтаксиса в строке 3, позиции 9.");
    expect(templateFromJson(Buffer.concat([Buffer.from("\uFEFF"), templateToJson(SCHOOL_BLANK)]))).toStrictEqual(SCHOOL_BLANK);
  });

  it("refuses a file of another kind", async () => {
    const error = await refusal(() => templateFromJson(Buffer.from(JSON.stringify({ ...SCHOOL_BLANK, format: "other/v2" }))));
    expect(error.message).toBe("Шаблон не принят: format: Это не файл шаблона Методаудита.");
  });
});
