import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula, writeCsv } from "@/lib/domain/directory/csv";
import { readCsvText } from "@/lib/domain/files/read-csv";
import { readSchoolFile, writeSchoolFile } from "@/lib/domain/directory/school-file";
import { planSchoolImport, type ExistingOrganization } from "@/lib/domain/directory/school-import-plan";
import {
  columnOfHeader,
  joinAddress,
  parseSchoolTable,
  schoolNameKey,
  splitAddress,
  type SchoolRecord,
  type TableRow,
} from "@/lib/domain/directory/school-table";
import { KALTAN_SCHOOLS } from "@/lib/seed-data/regions";
import { workbookOf } from "../support/spreadsheets";

const NAME = "Наименование общеобразовательной организации";
const ADDRESS = "Юридический адрес";
const HEAD = "ФИО руководителя";
const PHONE = "Контактный телефон";

/** Seed 001's list, line by line as the seed writes it: its title, then the table with tabs between cells. */
const SEED_001 = [
  "**Перечень общеобразовательных организаций –",
  "муниципальных пилотных площадок по теме",
  "«Создание муниципальной образовательной сети дистанционного обучения»**",
  "",
  ["№", NAME, ADDRESS, HEAD, "Контактный телефон Код 8 (384-72)"].join("\t"),
  [
    "1",
    'МБОУ "Средняя общеобразовательная школа № 1"',
    "652740, РФ, Кемеровская область, г. Калтан старший корпус: ул. Калинина, 38 младший корпус: ул. Калинина, 40",
    "Петухова Лариса Анатольевна",
    "3-18-39",
  ].join("\t"),
  [
    "2",
    'МБОУ "Средняя общеобразовательная школа № 30 имени Н. Н. Колокольцова"',
    "корпус № 1: 652831, РФ, Кемеровская область, г. Калтан, п. Малиновка, ул. 60 лет Октября, 19 корпус № 2: 652825, РФ, Кемеровская область, г. Калтан, с. Сарбала, ул. Советская, 11 а",
    "Лехтина Лариса Петровна",
    "3-42-40",
  ].join("\t"),
  [
    "3",
    'МБОУ "Основная общеобразовательная школа № 15"',
    "652809, РФ, Кемеровская область, г. Калтан, ул. Дзержинского, 3",
    "Белоногова Наталья Александровна",
    "3-08-66",
  ].join("\t"),
  [
    "4",
    'МБОУ "Основная общеобразовательная школа № 18"',
    "652740, РФ, Кемеровская область, г. Калтан, переулок Советский, 9 а",
    "Луговенко Екатерина Андреевна",
    "3-05-77",
  ].join("\t"),
  [
    "5",
    'МБОУ "Основная общеобразовательная школа № 29"',
    "652809, РФ, Кемеровская область, г. Калтан, ул. Спортивная, 16",
    "Конурина Ольга Николаевна",
    "3-48-02",
  ].join("\t"),
  "",
  "Сроки и этапы реализации программы",
].join("\n");

const KALTAN: SchoolRecord[] = KALTAN_SCHOOLS.map((s) => ({
  name: s.name,
  headName: s.headName,
  phone: s.phone,
  addresses: s.addresses.map((a) => ({ label: a.label, address: a.address })),
}));

/** A table as a file's rows: the first row is row 1. */
const rowsOf = (...rows: string[][]): TableRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const HEADER = ["№", NAME, ADDRESS, HEAD, PHONE];

async function parsedFile(bytes: Uint8Array) {
  const file = await readSchoolFile(bytes);
  if (!file.ok) throw new Error(file.problems[0]!.message);
  return parseSchoolTable(file.file.rows);
}

/** The problems that refuse a file before its table is read. */
async function fileProblems(bytes: Uint8Array) {
  const file = await readSchoolFile(bytes);
  return file.ok ? [] : file.problems;
}

describe("seed 001's table", () => {
  it("reads as the five Kaltan schools, with the buildings, heads and phones the demo data holds", async () => {
    const { schools, problems } = await parsedFile(Buffer.from(SEED_001, "utf8"));
    expect(problems).toEqual([]);
    // The table starts at line 5 of the text: its schools are lines 6 to 10.
    expect(schools).toEqual(KALTAN.map((school, i) => ({ row: 6 + i, ...school })));
  });

  it("splits «старший корпус:», «младший корпус:» after a common beginning, and «корпус № N:» with none", () => {
    expect(
      splitAddress("652740, РФ, Кемеровская область, г. Калтан старший корпус: ул. Калинина, 38 младший корпус: ул. Калинина, 40"),
    ).toEqual({ buildings: KALTAN[0]!.addresses, problems: [] });
    expect(
      splitAddress(
        "корпус № 1: 652831, РФ, Кемеровская область, г. Калтан, п. Малиновка, ул. 60 лет Октября, 19 корпус № 2: 652825, РФ, Кемеровская область, г. Калтан, с. Сарбала, ул. Советская, 11 а",
      ),
    ).toEqual({ buildings: KALTAN[1]!.addresses, problems: [] });
    expect(splitAddress("  652809, РФ,\nг. Калтан,  ул. Спортивная, 16 ")).toEqual({
      buildings: [{ label: null, address: "652809, РФ, г. Калтан, ул. Спортивная, 16" }],
      problems: [],
    });
    expect(splitAddress("")).toEqual({ buildings: [], problems: [] });
    // "корпус 2" inside an address, without a colon, is part of the address.
    expect(splitAddress("г. Калтан, ул. Калинина, д. 38, корпус 2").buildings).toEqual([
      { label: null, address: "г. Калтан, ул. Калинина, д. 38, корпус 2" },
    ]);
  });

  it("writes each school's buildings into one cell that reads back the same", () => {
    for (const school of KALTAN) expect(splitAddress(joinAddress(school.addresses)).buildings).toEqual(school.addresses);
    expect(joinAddress(KALTAN[0]!.addresses)).toBe(
      "старший корпус: 652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 38; младший корпус: 652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 40",
    );
    const mixed = [
      { label: null, address: "г. Славянск-на-Кубани, ул. Ленина, 1" },
      { label: "филиал", address: "ст-ца Петровская, ул. Мира, 2" },
    ];
    expect(joinAddress(mixed)).toBe("г. Славянск-на-Кубани, ул. Ленина, 1; филиал: ст-ца Петровская, ул. Мира, 2");
    expect(splitAddress(joinAddress(mixed)).buildings).toEqual(mixed);
  });

  it("refuses a label with no address after it", () => {
    expect(splitAddress("корпус № 1: корпус № 2: ул. Советская, 11").problems).toEqual(["после «корпус № 1:» нет адреса"]);
  });
});

describe("the header row", () => {
  it("is recognised in any case and spacing, the phone column also with the seed's «Код 8 (384-72)»", () => {
    expect(columnOfHeader("  наименование   ОБЩЕОБРАЗОВАТЕЛЬНОЙ\nорганизации ")).toBe("name");
    expect(columnOfHeader("Контактный телефон Код 8 (384-72)")).toBe("phone");
    expect(columnOfHeader("фио руководителя")).toBe("headName");
    expect(columnOfHeader("Телефон")).toBeNull();
  });

  it("may come in any column order, and columns it does not know are ignored", () => {
    const { schools, problems } = parseSchoolTable(
      rowsOf([PHONE, "Примечание", HEAD, NAME, ADDRESS], ["3-18-39", "что угодно", "Иванова И. И.", "МБОУ СОШ № 7", "ул. Мира, 1"]),
    );
    expect(problems).toEqual([]);
    expect(schools).toEqual([
      { row: 2, name: "МБОУ СОШ № 7", headName: "Иванова И. И.", phone: "3-18-39", addresses: [{ label: null, address: "ул. Мира, 1" }] },
    ]);
  });

  it("names the columns a file lacks, and a file with no header at all", () => {
    expect(parseSchoolTable(rowsOf([NAME, ADDRESS], ["Школа", "ул. Мира, 1"])).problems).toEqual([
      { row: 1, column: HEAD, message: `В строке заголовков нет столбца «${HEAD}».` },
      { row: 1, column: PHONE, message: `В строке заголовков нет столбца «${PHONE}».` },
    ]);
    const none = parseSchoolTable(rowsOf(["Школа", "ул. Мира, 1"]));
    expect(none.problems).toHaveLength(1);
    expect(none.problems[0]).toMatchObject({ row: null, column: null });
    expect(none.problems[0]!.message).toContain(`«${NAME}»`);
  });
});

describe("rows are validated one by one", () => {
  it("names every problem by its row in the file and its column, and gives no schools", () => {
    const { schools, problems } = parseSchoolTable(
      rowsOf(
        HEADER,
        ["1", "МБОУ СОШ № 1", "ул. Мира, 1", "Иванова И. И.", "3-18-39"],
        ["2", "", "ул. Мира, 2", "Петров П. П.", ""],
        ["", "", "", "", ""],
        ["4", "МБОУ СОШ № 4", "ул. Мира, 4", "", "звонить секретарю"],
        ["5", "мбоу  сош №1", "ул. Мира, 5", "", ""],
        ["6", "Я".repeat(301), "", "", "+7 (384-72) 3-18-39, 3-18-40"],
      ),
    );
    expect(schools).toEqual([]);
    expect(problems).toEqual([
      { row: 3, column: NAME, message: "Укажите наименование организации." },
      { row: 5, column: PHONE, message: expect.stringContaining("«звонить секретарю» не похоже на номер телефона") },
      { row: 6, column: NAME, message: "Организация «мбоу сош №1» уже есть в строке 2: одна организация — одна строка." },
      { row: 7, column: NAME, message: "Наименование длиннее 300 знаков (301)." },
    ]);
  });

  it("takes a head and phone as optional, and phones as people write them", () => {
    const { schools, problems } = parseSchoolTable(
      rowsOf(
        HEADER,
        ["", "Школа 1", "", "", ""],
        ["", "Школа 2", "", "", "8 (384-72) 3-18-39; +7 913 000-00-00"],
        ["", "Школа 3", "", "", "3–08–66"],
      ),
    );
    expect(problems).toEqual([]);
    expect(schools.map((s) => [s.headName, s.phone, s.addresses])).toEqual([
      [null, null, []],
      [null, "8 (384-72) 3-18-39; +7 913 000-00-00", []],
      [null, "3–08–66", []],
    ]);
  });

  it("matches names up to case, «ё», spaces and quotes", () => {
    expect(schoolNameKey('МБОУ "Средняя общеобразовательная школа № 1"')).toBe(
      schoolNameKey("мбоу  «Средняя  общеобразовательная школа №1»"),
    );
    expect(schoolNameKey("Учебный центр «Ёлочка»")).toBe(schoolNameKey('учебный центр "елочка"'));
    expect(schoolNameKey("МБОУ СОШ № 1")).not.toBe(schoolNameKey("МБОУ СОШ № 11"));
  });
});

describe("CSV", () => {
  it("reads quotes, doubled quotes, separators and line breaks inside quotes", () => {
    const text = 'a;"b;c";"he said ""hi"""\r\n"two\nlines";;x\r\n';
    expect(readCsvText(text)).toMatchObject({
      records: [
        ["a", "b;c", 'he said "hi"'],
        ["two\nlines", "", "x"],
      ],
    });
    expect(readCsvText("a,b\nc,d")).toMatchObject({
      records: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(readCsvText('""')).toMatchObject({ records: [[""]] });
  });

  it("tells ';' from ',' by the header line, with or without a byte order mark", async () => {
    const header = `№;${NAME};${ADDRESS};${HEAD};${PHONE}`;
    expect(
      readCsvText(`Перечень, школ, города\n${header}\n1;Школа, первая;"ул. Мира, 1";;`, (cells) => cells.includes(NAME)),
    ).toMatchObject({
      separator: ";",
    });
    const comma = [`"№","${NAME}","${ADDRESS}","${HEAD}","${PHONE}"`, '1,Школа,"ул. Мира, 1; корпус 2","Иванова И. И.",3-18-39'].join("\n");
    for (const bytes of [Buffer.from(comma, "utf8"), Buffer.from(`\uFEFF${comma}`, "utf8")]) {
      const { schools, problems } = await parsedFile(bytes);
      expect(problems).toEqual([]);
      expect(schools).toEqual([
        {
          row: 2,
          name: "Школа",
          headName: "Иванова И. И.",
          phone: "3-18-39",
          addresses: [{ label: null, address: "ул. Мира, 1; корпус 2" }],
        },
      ]);
    }
  });

  it("reads a file in Windows-1251, and refuses a quote never closed with its row, and a NUL", async () => {
    const cp1251 = Buffer.from([0xb9, 0x3b, 0xcd, 0xe0, 0xe8, 0xec]); // "№;Наим" in Windows-1251
    const read = await readSchoolFile(cp1251);
    expect(read).toMatchObject({ ok: true, file: { encoding: "Windows-1251", rows: [{ row: 1, cells: ["№", "Наим"] }] } });
    expect(await fileProblems(Buffer.from(`№;${NAME}\n1;"Школа\n2;Школа 2\n`, "utf8"))).toEqual([
      { row: 2, column: null, message: "Кавычка, открытая в этой строке, не закрыта до конца файла." },
    ]);
    expect(await fileProblems(Buffer.from("a\u0000b"))).toEqual([
      { row: null, column: null, message: "Файл не похож на таблицу: загрузите книгу XLSX или файл CSV." },
    ]);
  });

  it("neutralises formula-like cells on export and restores them on import", () => {
    for (const text of ['=HYPERLINK("http://x")', "+7 913", "-1", "@SUM(A1)", "'=already", "''+two", "plain", "it's"]) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseFormula("it's")).toBe("it's");
    const file = writeCsv([["=1+1", 'a "b"', "x;y"]]).toString("utf8");
    expect(file).toBe('\uFEFF\'=1+1;"a ""b""";"x;y"\r\n');
  });
});

describe("the files written", () => {
  it("CSV: a byte order mark, ';', the seed's columns, and read back as the same schools", async () => {
    const bytes = await writeSchoolFile(KALTAN, "csv");
    const text = bytes.toString("utf8");
    expect(text.startsWith(`\uFEFF№;${NAME};${ADDRESS};${HEAD};${PHONE}\r\n`)).toBe(true);
    expect(text).toContain('1;"МБОУ ""Средняя общеобразовательная школа № 1""";');
    const { schools } = await parsedFile(bytes);
    expect(schools).toEqual(KALTAN.map((school, i) => ({ row: i + 2, ...school })));
  });

  it("XLSX: a bold header frozen at the top, columns wide enough, text cells, and read back as the same schools", async () => {
    const formula = { ...KALTAN[2]!, headName: '=HYPERLINK("http://x")' };
    const bytes = await writeSchoolFile([...KALTAN.slice(0, 2), formula], "xlsx");
    const sheet = (await workbookOf(bytes)).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(2).font).toMatchObject({ bold: true });
    expect(sheet.getRow(1).values).toEqual([undefined, "№", NAME, ADDRESS, HEAD, PHONE]);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(60);
    const cell = sheet.getRow(4).getCell(4);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
    const { schools } = await parsedFile(bytes);
    expect(schools).toEqual([...KALTAN.slice(0, 2), formula].map((school, i) => ({ row: i + 2, ...school })));
  });

  it("takes a formula typed in Excel as its text, never its result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow(HEADER);
    sheet.addRow([1, "Школа", "ул. Мира, 1", { formula: 'HYPERLINK("http://x")', result: "x" }, ""]);
    const { schools } = await parsedFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(schools[0]!.headName).toBe('=HYPERLINK("http://x")');
  });

  it("refuses an old XLS workbook and a broken XLSX", async () => {
    expect((await fileProblems(Buffer.from("d0cf11e0a1b11ae1", "hex")))[0]!.message).toContain("XLS");
    expect((await fileProblems(Buffer.from("PK\u0003\u0004broken")))[0]!.message).toBe("Файл не читается как книга Excel (.xlsx).");
  });

  it("refuses Word files, which only the roadmap import takes, and says a password-protected file is one", async () => {
    const message = async (name: string) => (await fileProblems(readFileSync(`tests/fixtures/docx/${name}`)))[0]!.message;
    for (const name of ["marks.docx", "macros.docm", "legacy.doc"]) {
      expect(await message(name), name).toBe("Это документ Word: сохраните таблицу как книгу XLSX или CSV.");
    }
    expect(await message("encrypted.docx")).toBe("Файл защищён паролем: снимите пароль и загрузите снова.");
  });
});

describe("the import plan", () => {
  const stored = (id: string, school: SchoolRecord, kind = "SCHOOL"): ExistingOrganization => ({ id, kind, ...school });
  const rowsFrom = (schools: SchoolRecord[]) => schools.map((school, i) => ({ row: i + 2, ...school }));

  it("creates new names, updates a school whose name matches, and leaves an equal one alone", () => {
    const changed = { ...KALTAN[1]!, name: "мбоу «Средняя общеобразовательная школа № 30 имени Н. Н. Колокольцова»", phone: "3-42-41" };
    const plan = planSchoolImport(rowsFrom([KALTAN[0]!, changed, KALTAN[2]!]), [stored("s1", KALTAN[0]!), stored("s30", KALTAN[1]!)]);
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.action, "changes" in r ? r.changes : null])).toEqual([
      [2, "unchanged", null],
      [3, "update", ["name", "phone"]],
      [4, "create", null],
    ]);
  });

  it("refuses a name taken by an organisation of another kind, or by two at once", () => {
    const plan = planSchoolImport(rowsFrom([{ ...KALTAN[0]!, name: "МКУ УО" }, KALTAN[1]!]), [
      stored("uo", { ...KALTAN[0]!, name: "МКУ УО" }, "EDUCATION_AUTHORITY"),
      stored("a", KALTAN[1]!),
      stored("b", { ...KALTAN[1]!, name: KALTAN[1]!.name.replaceAll('"', "") }),
    ]);
    expect(plan.rows).toEqual([]);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [2, NAME],
      [3, NAME],
    ]);
    expect(plan.problems[0]!.message).toContain("орган управления образованием «МКУ УО»");
    expect(plan.problems[1]!.message).toContain("несколько организаций");
  });
});
