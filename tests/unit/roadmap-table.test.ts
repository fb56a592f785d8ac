import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRoadmapFile, writeRoadmapFile, ROADMAP_SHEET } from "@/lib/domain/plans/roadmap-file";
import {
  parseRoadmapRows,
  ROADMAP_COLUMNS,
  ROADMAP_HEADER,
  ROADMAP_HINTS,
  ROADMAP_TITLE_PREFIX,
  roadmapColumnOfHeader,
  roadmapTableRows,
  roadmapTitle,
  type RoadmapFields,
  type RoadmapRecord,
} from "@/lib/domain/plans/roadmap-table";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { pdfSample } from "../support/file-samples";

/** Seed 002, kept verbatim in the repository: CI runs on a clone without the shared seeds. */
const SEED_002 = readFileSync(ROADMAP_002_PATH);

const H = ROADMAP_HEADER;
const withoutRow = ({ row: _row, ...fields }: RoadmapRecord): RoadmapFields => fields;
const utf8 = (text: string) => new TextEncoder().encode(text);

async function readSeed() {
  const sheet = await readRoadmapFile(SEED_002, "002.md");
  return { sheet, ...parseRoadmapRows(sheet) };
}

/** Text as Windows-1251 writes it (Cyrillic А–я without «ё»), as Russian Excel saves "CSV". */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return 0xc0 + (code - 0x410);
      if (code < 0x80) return code;
      throw new Error(`no cp1251 byte for ${c}`);
    }),
  );
}

const csv = (...lines: string[]) => utf8(lines.join("\r\n"));

const CSV_HEADER = ROADMAP_COLUMNS.map((c) => `"${c.header}"`).join(";");

describe("seed 002 (Markdown)", () => {
  it("reads the title, and the events of all four tables with their line numbers", async () => {
    const { sheet, records, problems } = await readSeed();
    expect(problems).toEqual([]);
    expect(sheet.format).toBe("md");
    expect(sheet.title).toBe(
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях",
    );
    expect(sheet.title!.startsWith(ROADMAP_TITLE_PREFIX)).toBe(true);
    expect(sheet.title).toBe(roadmapTitle("2020/2021"));
    expect(sheet.columns).toEqual(ROADMAP_COLUMNS.map((c) => c.id));
    // The seed has 15 events: 3 + 3 + 6 + 3 rows in its four tables.
    expect(records).toHaveLength(15);
    // Line numbers of the file: the header is line 5, the hints line 7, empty continuation headers 12, 18, 27.
    expect(records.map((r) => r.row)).toEqual([8, 9, 10, 14, 15, 16, 20, 21, 22, 23, 24, 25, 29, 30, 31]);
  });

  it("reads each field as the seed writes it", async () => {
    const { records } = await readSeed();
    expect(records[0]).toEqual({
      row: 8,
      regionCode: "23",
      municipality: "Краснодар",
      title:
        "Проведение модельного семинара по разработке программы образовательной организации по повышению качества образования, включающей совершенствование методики преподавания и анализа текущего состояния системы образования",
      description:
        "В рамках проведения и подготовки семинара проведен мониторинг и представлены его статистические данные; представлены рекомендации по заполнению электронных дорожных карт (500+), активизирована помощь кураторов в вопросах посещения ШНОР/ШССУ и оказания методической помощи. Мониторинг программ перехода общеобразовательных организаций в режим эффективного функционирования и развития в МО город Краснодар",
      timing: "22 сентября 2020 года",
      responsible: "Петрова Т.А.",
      audience: "руководители общеобразовательных организаций ШНОР/ШССУ, кураторы ШНОР/ШССУ",
      documents:
        'Письмо департамента образования муниципального образования город Краснодар от 27.04.2021 №3121/30 "Адресная методическая помощь 500+" Приказ департамента образования МО город Краснодар от 25.02.2021 №161 "О проведении мониторинга выполнения программ перехода общеобразовательных организаций в режим эффективного функционирования и развития в МО город Краснодар"',
    });
    expect(records[1]).toEqual({
      row: 9,
      regionCode: "23",
      municipality: "Краснодар",
      title: "Проведение выездной проверки качества образования в школах с низкими результатами ВПР",
      description:
        "Проведен методический аудит специалистами СКУ КНМЦ, оказана методическая помощь, даны адресные рекомендации. По выявленным недочетам в каждом ШНОР/ШССУ проведены производственные совещания, руководителями ОО приняты управленческие решения.",
      timing: "До 2 ноября 2020 года",
      responsible: "Петрова Т.А. Ваховский Ф.И.",
      audience: "руководители, заместители руководителей, кураторы общеобразовательных организаций ШНОР/ШССУ",
      documents:
        'Приказ департамента образования от 04.03.2021 №200 "О проведении методического аудита отдельных муниципальных общеобразовательных организаций муниципального образования город Краснодар"',
    });
    expect(records[4]).toEqual({
      row: 15,
      regionCode: "23",
      municipality: "Краснодар",
      title:
        'Совещание с руководителями общеобразовательных организация "Об изучении деятельности школ по итогам посещения, выездов, проверок"',
      description:
        "На совещании заслушан вопрос о характере недостатков, выявленных при проведении методического аудита в ШНОР/ШССУ, представлены рекомендации и результат по итогам методической помощи, выявленный в ходе повторного посещения.",
      timing: "Февраль 2021 года",
      responsible: "Полякова Н.П., Петрова Т.А., Ваховский Ф.И.",
      audience: "руководители, заместители руководителей общеобразовательных организаций ШНОР/ШССУ",
      documents:
        'Протокол совещания при диреткоре департамента образования МО Краснодар от 19.04.2021 года Приказ МКУ КНМЦ от 12.03.2021 №52-П "О проведении методического аудита отдельных общеобразовательных организаций муниципального образования город Краснодар" Приказ департамента образования МО город Краснодар от 14 мая 2021 года №560"Об итогах методического аудита отдекльных общеобразовательных организаций муниципального образования город Краснодар"',
    });
    expect(records.at(-1)).toEqual({
      row: 31,
      regionCode: "23",
      municipality: "Краснодар",
      title: "Организация семинаров-практикумов",
      description:
        "Дистанционное проведение ежегодного круглого стола по вопросам перехода ШНОР/ШССУ в режим эффективного функционирования, обзор лучших практик.",
      timing: "В течение учебного года",
      responsible: "МНЦ",
      audience: "руководители общеобразовательных организаций ШНОР/ШССУ, кураторы ШНОР/ШССУ",
      documents: 'Августовский форум "МСОКО - путь к развитию и совершенствованию, круглый стол "Школы, которым можно доверять"',
    });
    // An event without a description (line 16) is an event all the same.
    expect(records.find((r) => r.row === 16)?.description).toBe("");
  });

  it("does not take the hints row, the empty continuation headers or the signature for events", async () => {
    const { sheet, records } = await readSeed();
    expect(sheet.rows.map((r) => r.row)).not.toContain(7);
    expect(records.some((r) => r.title === ROADMAP_HINTS.title)).toBe(false);
    expect(records.some((r) => /Саркисян|Начальник отдела/u.test(Object.values(r).join(" ")))).toBe(false);
  });
});

describe("seed 002 as a Word table (tests/fixtures/docx/roadmap-002.docx, made by LibreOffice)", () => {
  const docx = () => readFileSync("tests/fixtures/docx/roadmap-002.docx");

  it("reads the same title and the same events as the Markdown, numbered by Word's rows", async () => {
    const markdown = await readSeed();
    const sheet = await readRoadmapFile(docx(), "отчёт.docx");
    const word = parseRoadmapRows(sheet);
    expect(sheet.problems).toEqual([]);
    expect(word.problems).toEqual([]);
    expect(sheet.format).toBe("docx");
    expect(sheet.title).toBe(markdown.sheet.title);
    expect(word.records.map(withoutRow)).toEqual(markdown.records.map(withoutRow));
    // Row 1 the header, row 2 the hints, the events from row 3.
    expect(word.records.map((r) => r.row)).toEqual(Array.from({ length: 15 }, (_, i) => i + 3));
  });

  it("says which table it read, and lists the hints and the signature lines it left out", async () => {
    const sheet = await readRoadmapFile(docx(), "отчёт.docx");
    expect(sheet.notices.map((n) => `${n.row ?? "-"}: ${n.message}`)).toEqual([
      "-: Документ Word: Таблица 1",
      expect.stringMatching(/^2: «перечислить муниципальные мероприятия.*» — не импортировано: пояснение под строкой заголовков$/u),
      "18: «Начальник отдела мониторинга системы образования МКУ КНМЦ» — не импортировано: подпись/примечание под таблицей",
      "19: «О.А.Саркисян» — не импортировано: подпись/примечание под таблицей",
    ]);
  });

  it("reads the seed's four tables as one, the tables after the first continuing it", async () => {
    const markdown = await readSeed();
    const sheet = await readRoadmapFile(readFileSync("tests/fixtures/docx/roadmap-002-four-tables.docx"), "отчёт.docx");
    const word = parseRoadmapRows(sheet);
    expect(word.problems).toEqual([]);
    expect(word.records.map(withoutRow)).toEqual(markdown.records.map(withoutRow));
    // Numbered on from table to table; each continuation opens with an empty row (6, 10, 17).
    expect(word.records.map((r) => r.row)).toEqual([3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19, 20]);
    expect(sheet.notices[0]!.message).toBe("Документ Word: Таблицы 1–4");
    expect(sheet.notices.at(-1)!.message).toBe("«О.А.Саркисян» — не импортировано: подпись/примечание под таблицей");
  });

  it("refuses a macro-enabled, password-protected or legacy Word file with what to do", async () => {
    const problem = async (name: string) => (await readRoadmapFile(readFileSync(`tests/fixtures/docx/${name}`), name)).problems[0]!.message;
    expect(await problem("macros.docm")).toBe("Файл с макросами (.docm) не принимается: сохраните документ как .docx без макросов.");
    expect(await problem("encrypted.docx")).toBe("Файл защищён паролем: снимите пароль и загрузите снова.");
    expect(await problem("legacy.doc")).toBe("Формат .doc не поддерживается: сохраните документ как .docx.");
  });
});

describe("Markdown cells", () => {
  it("splits at unescaped pipes and drops markup", async () => {
    const text = [
      "# **Отчет** о дорожной карте",
      "",
      "| Муниципалитет | Мероприятие | Дата | Ответственный |",
      "| :--- | --- | :---: | ---: |",
      "| <i>—</i> | <i>перечислить муниципальные мероприятия, проводимые в рамках проекта</i> | <i>Или плановая дата мероприятия</i> | |",
      "| Славянский район | **Семинар** \\| практикум<br>для кураторов | Ежегодно&nbsp;август | <b>Иванова</b> И.И. |",
    ].join("\n");
    const sheet = await readRoadmapFile(utf8(text), "plan.md");
    expect(sheet.title).toBe("Отчет о дорожной карте");
    const { records, problems } = parseRoadmapRows(sheet);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        row: 6,
        regionCode: "",
        municipality: "Славянский район",
        title: "Семинар | практикум для кураторов",
        description: "",
        timing: "Ежегодно август",
        responsible: "Иванова И.И.",
        audience: "",
        documents: "",
      },
    ]);
  });
});

const SEED_RECORDS = async () => (await readSeed()).records.map(withoutRow);

/** Records that test the edges of a file: formula-like text, quotes, separators, an empty region code. */
const TRICKY: RoadmapFields[] = [
  {
    regionCode: "",
    municipality: "Славянский район",
    title: '=HYPERLINK("http://example.com") «семинар»; часть 1, "итоги"',
    description: "+7 (861) 222-33-44 — горячая линия",
    timing: "-",
    responsible: "@кмц",
    audience: "'=уже с апострофом",
    documents: "Приказ №1006 от 18.09.2020 _x0041_",
  },
  {
    // Cells written on several lines in Excel (Alt+Enter) come back on several lines.
    regionCode: "23",
    municipality: "Славянский район",
    title: "Семинар для кураторов",
    description: "Место: МБОУ СОШ № 1\nФормат: очно; цель — обмен опытом",
    timing: "14.10.2021",
    responsible: "Петрова Т.А.\nИванов И.И.",
    audience: "кураторы ШНОР\nдиректора",
    documents: "Приказ УО от 01.10.2021 № 15\nСправка от 20.10.2021",
  },
];

describe("round trip", () => {
  it("records → XLSX → records", async () => {
    const records = [...(await SEED_RECORDS()), ...TRICKY];
    const title = roadmapTitle("2020/2021");
    const bytes = await writeRoadmapFile({ title, records }, "xlsx");
    const sheet = await readRoadmapFile(bytes, "report.xlsx");
    expect(sheet.format).toBe("xlsx");
    expect(sheet.title).toBe(title);
    const parsed = parseRoadmapRows(sheet);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map(withoutRow)).toEqual(records);
    // Excel's rows: title, header, hints, then the events from row 4.
    expect(parsed.records[0]!.row).toBe(4);
  });

  it("writes seed 002's layout to XLSX", async () => {
    const bytes = await writeRoadmapFile({ title: roadmapTitle("2020/2021"), records: await SEED_RECORDS() }, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(ROADMAP_SHEET);
    expect(sheet.getCell("A1").value).toBe(roadmapTitle("2020/2021"));
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("H1").isMerged).toBe(true);
    expect(ROADMAP_COLUMNS.map((_c, i) => sheet.getRow(2).getCell(i + 1).value)).toEqual(ROADMAP_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(sheet.getCell("C3").value).toBe(ROADMAP_HINTS.title);
    expect(sheet.getCell("C3").font?.italic).toBe(true);
    expect(sheet.getCell("A3").value).toBeNull();
    expect(sheet.getCell("E5").value).toBe("До 2 ноября 2020 года");
    expect(sheet.getCell("E5").border?.top?.style).toBe("thin");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it("records → CSV → records", async () => {
    const records = [...(await SEED_RECORDS()), ...TRICKY];
    const title = roadmapTitle(null);
    const bytes = await writeRoadmapFile({ title, records }, "csv");
    const text = bytes.toString("utf8");
    expect(text.startsWith(`\uFEFF${title}\r\n`)).toBe(true);
    // Formula-like cells are neutralised for spreadsheets that open the file.
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"") «семинар»; часть 1, ""итоги"""`);
    const sheet = await readRoadmapFile(bytes, "report.csv");
    expect(sheet.format).toBe("csv");
    expect(sheet.title).toBe(title);
    const parsed = parseRoadmapRows(sheet);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map(withoutRow)).toEqual(records);
    expect(parsed.records[0]!.row).toBe(4);
  });

  it("writes the hints row under the header", () => {
    const rows = roadmapTableRows([]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(ROADMAP_COLUMNS.map((c) => ROADMAP_HINTS[c.id]));
  });
});

describe("titles", () => {
  it("substitutes the school year", () => {
    expect(roadmapTitle("2021/2022")).toBe(
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2021-2022 учебный год по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях",
    );
    expect(roadmapTitle(null)).toBe(
      "Отчет о выполнении мероприятий муниципальной дорожной карты по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях",
    );
  });
});

describe("headers", () => {
  it("recognises names in any case and spacing, with «ё», punctuation and synonyms", () => {
    expect(roadmapColumnOfHeader("ДАТА ПРОВЕДЕНИЯ\nМЕРОПРИЯТИЯ:")).toBe("timing");
    expect(roadmapColumnOfHeader("  Муниципалитет.")).toBe("municipality");
    expect(roadmapColumnOfHeader("Отчёт")).toBeNull();
    expect(roadmapColumnOfHeader("Мероприятие")).toBe("title");
    expect(roadmapColumnOfHeader("Дата")).toBe("timing");
    expect(roadmapColumnOfHeader("Дата (план)")).toBe("timing");
    expect(roadmapColumnOfHeader("Ответственный")).toBe("responsible");
    expect(roadmapColumnOfHeader("Целевая аудитория")).toBe("audience");
    expect(roadmapColumnOfHeader("Документы")).toBe("documents");
    expect(roadmapColumnOfHeader("Регион")).toBe("regionCode");
    expect(roadmapColumnOfHeader("Организация,ответственная за  проведение мероприятия")).toBe("responsible");
    expect(roadmapColumnOfHeader("Краткое описание мероприятий")).toBe("description");
  });

  it("reads a CSV with synonyms, columns in another order and a comma separator", async () => {
    const bytes = csv(
      '"Отчёт о мероприятиях, Славянский район",,,',
      "Мероприятие,Дата,МО,Ответственный,Целевая аудитория,Документы,Регион,Описание",
      '"<i>перечислить муниципальные мероприятия, проводимые в рамках проекта</i>","Или плановая дата мероприятия",,,,,,',
      '"Совещание ""О плане""",Ежегодно август,Славянский район,"Петрова Т.А., Иванов И.И.",педагоги,"Приказ №1006",23,',
      ",,,,,,,",
      "Семинар,Сентябрь 2020 года,Славянский район,,,,,На базе школы № 1",
    );
    const sheet = await readRoadmapFile(bytes, "plan.csv");
    expect(sheet.title).toBe("Отчёт о мероприятиях, Славянский район");
    const { records, problems } = parseRoadmapRows(sheet);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        row: 4,
        regionCode: "23",
        municipality: "Славянский район",
        title: 'Совещание "О плане"',
        description: "",
        timing: "Ежегодно август",
        responsible: "Петрова Т.А., Иванов И.И.",
        audience: "педагоги",
        documents: "Приказ №1006",
      },
      {
        row: 6,
        regionCode: "",
        municipality: "Славянский район",
        title: "Семинар",
        description: "На базе школы № 1",
        timing: "Сентябрь 2020 года",
        responsible: "",
        audience: "",
        documents: "",
      },
    ]);
  });
});

describe("XLSX as people make it", () => {
  it("reads a title above the header, numbers, dates, formulas and links", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Инструкция").addRow(["Заполните лист «Отчет»"]);
    const ws = workbook.addWorksheet("Отчет");
    ws.addRow(["Отчет о выполнении мероприятий муниципальной дорожной карты"]);
    ws.mergeCells("A1:H1");
    ws.addRow([]);
    ws.addRow(["Код региона", "Муниципалитет", "Мероприятие", "Описание", "Дата", "Ответственный", "Целевая аудитория", "Документы"]);
    const hints = ws.addRow(["", "", "что проводится", "", "когда", "", "", ""]);
    hints.font = { italic: true };
    ws.addRow([
      23,
      "Краснодар",
      "Семинар",
      "",
      new Date(Date.UTC(2020, 8, 22)),
      { formula: 'CONCATENATE("Петрова"," Т.А.")', result: "Петрова Т.А." },
      "кураторы",
      { text: "Приказ №161", hyperlink: "https://example.com/161.pdf" },
    ]);
    const italicData = ws.addRow([
      23,
      "Краснодар",
      "Совещание",
      "",
      "Май 2021 года",
      "",
      "",
      { formula: 'HYPERLINK("https://example.com/p.pdf","Протокол")', result: "Протокол" },
    ]);
    italicData.font = { italic: true };
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const sheet = await readRoadmapFile(bytes);
    expect(sheet.title).toBe("Отчет о выполнении мероприятий муниципальной дорожной карты");
    const { records, problems } = parseRoadmapRows(sheet);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        row: 5,
        regionCode: "23",
        municipality: "Краснодар",
        title: "Семинар",
        description: "",
        timing: "22.09.2020",
        responsible: "Петрова Т.А.",
        audience: "кураторы",
        documents: "Приказ №161 (https://example.com/161.pdf)",
      },
      // Only the row right under the header is taken for hints by its italics.
      {
        row: 6,
        regionCode: "23",
        municipality: "Краснодар",
        title: "Совещание",
        description: "",
        timing: "Май 2021 года",
        responsible: "",
        audience: "",
        documents: "Протокол (https://example.com/p.pdf)",
      },
    ]);
  });
});

describe("broken files", () => {
  it("names a missing required column at the header row", async () => {
    const header = ROADMAP_COLUMNS.filter((c) => c.id !== "municipality")
      .map((c) => `"${c.header}"`)
      .join(";");
    const sheet = await readRoadmapFile(csv("Отчет", header, "23;Семинар;;Май;;;"));
    const { records, problems } = parseRoadmapRows(sheet);
    expect(records).toEqual([]);
    expect(problems).toEqual([{ row: 2, column: H.municipality, message: `В строке заголовков нет столбца «${H.municipality}».` }]);
  });

  it("names a missing date column, though the header is recognised by the others", async () => {
    const sheet = await readRoadmapFile(csv("Регион;Муниципалитет;Мероприятие;Описание;Ответственный", "23;Краснодар;Семинар;;"));
    expect(parseRoadmapRows(sheet).problems).toEqual([
      { row: 1, column: H.timing, message: `В строке заголовков нет столбца «${H.timing}».` },
    ]);
  });

  it("says when there is no header at all", async () => {
    const { problems } = parseRoadmapRows(await readRoadmapFile(csv("a;b;c", "1;2;3")));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: null, column: null });
    expect(problems[0]!.message).toMatch(/^Не найдена строка заголовков таблицы/u);
  });

  it("refuses cells row by row, column by column", async () => {
    const sheet = await readRoadmapFile(
      csv(
        CSV_HEADER,
        "23;Краснодар;Семинар;;Май 2021;;;",
        "23;Краснодар;;описание без мероприятия;Май 2021;;;",
        "2a3;Краснодар;Совещание;;Июнь 2021;;;",
        "1234;;Круглый стол;;;;;",
        "23;Краснодар;  семинар ;;Сентябрь 2021;;;",
        `23;Краснодар;${"м".repeat(4001)};;Май;;;`,
        "23;Сочи;Семинар;;Май 2021;;;",
      ),
    );
    const { records, problems } = parseRoadmapRows(sheet);
    expect(problems).toEqual([
      { row: 3, column: H.title, message: "Укажите мероприятие." },
      { row: 4, column: H.regionCode, message: "Код региона — число из 1–3 цифр, например 23." },
      { row: 5, column: H.regionCode, message: "Код региона — число из 1–3 цифр, например 23." },
      { row: 5, column: H.municipality, message: "Укажите муниципалитет." },
      {
        row: 5,
        column: H.timing,
        message: "Укажите дату проведения мероприятия (например, «22 сентября 2020 года» или «В течение учебного года»).",
      },
      { row: 6, column: H.title, message: "Мероприятие уже есть в строке 2." },
      { row: 7, column: H.title, message: "Текст длиннее 4000 знаков (4001)." },
    ]);
    // The rows without problems are kept: the same title in another municipality is another event.
    expect(records.map((r) => r.row)).toEqual([2, 8]);
  });

  it("reads a CSV in Windows-1251 and says so", async () => {
    const sheet = await readRoadmapFile(
      cp1251("Муниципалитет;Мероприятие;Дата;Ответственный\r\nКраснодар;Семинар;Май;Петрова\r\n"),
      "plan.csv",
    );
    expect(sheet.problems).toEqual([]);
    expect(sheet.notices).toEqual([{ kind: "encoding", row: null, message: "Кодировка: Windows-1251, разделитель «;»" }]);
    expect(parseRoadmapRows(sheet).records).toMatchObject([{ row: 2, municipality: "Краснодар", title: "Семинар", timing: "Май" }]);
  });

  it("refuses random bytes, a PDF, a broken workbook, an XLS and an empty file", async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const messageOf = async (bytes: Uint8Array, name?: string) => {
      const sheet = await readRoadmapFile(bytes, name);
      expect(sheet.rows).toEqual([]);
      expect(sheet.problems).toHaveLength(1);
      return sheet.problems[0]!.message;
    };
    expect(await messageOf(random, "plan.csv")).toBe(
      "Файл не похож на таблицу: загрузите книгу XLSX, документ Word (DOCX), файл CSV или текст Markdown (.md, .txt).",
    );
    expect(await messageOf(pdfSample(), "plan.md")).toBe(
      "Это файл PDF, а не таблица: загрузите книгу XLSX, документ Word (DOCX), файл CSV или текст Markdown (.md, .txt).",
    );
    expect(await messageOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toBe("Файл не читается как книга Excel (.xlsx).");
    expect(await messageOf(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/^Формат XLS/u);
    expect(await messageOf(new Uint8Array())).toBe("Файл пустой.");
  });

  it("refuses more than 2000 events and files over 5 MB", async () => {
    const lines = [CSV_HEADER, ...Array.from({ length: 2001 }, (_, i) => `23;Краснодар;Мероприятие ${i};;Май;;;`)];
    const sheet = await readRoadmapFile(csv(...lines));
    expect(sheet.problems).toEqual([{ row: null, column: null, message: "В файле больше 2000 мероприятий: разделите его на части." }]);
    const big = await readRoadmapFile(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61));
    expect(big.problems).toEqual([{ row: null, column: null, message: "Файл больше 5 МБ." }]);
  });

  it("says so when the header has no events under it", async () => {
    const sheet = await readRoadmapFile(csv(CSV_HEADER, ROADMAP_COLUMNS.map((c) => ROADMAP_HINTS[c.id]).join(";")));
    expect(sheet.problems).toEqual([{ row: 1, column: null, message: "Под строкой заголовков нет ни одного мероприятия." }]);
  });
});
