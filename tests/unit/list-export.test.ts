import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvRecords } from "../support/csv";
import { columnsFor, exportTable, type ExportTable } from "@/lib/domain/exports/columns";
import { exportFileName, ZExportFormat } from "@/lib/domain/exports/export-format";
import { exportHref } from "@/lib/domain/exports/export-href";
import { isListExportId } from "@/lib/domain/exports/list-ids";
import { assignmentColumns } from "@/lib/domain/exports/lists/assignments";
import { BLANK_COLUMNS } from "@/lib/domain/exports/lists/blanks";
import { CAMPAIGN_COLUMNS } from "@/lib/domain/exports/lists/campaigns";
import { DOCUMENT_COLUMNS } from "@/lib/domain/exports/lists/documents";
import { FINDING_COLUMNS } from "@/lib/domain/exports/lists/findings";
import { MUNICIPALITY_COLUMNS } from "@/lib/domain/exports/lists/municipalities";
import { PLAN_COLUMNS } from "@/lib/domain/exports/lists/plans";
import { areaCountColumns } from "@/lib/domain/exports/lists/student-counts";
import { STUDENT_COLUMNS } from "@/lib/domain/exports/lists/students";
import { TEACHER_COLUMNS } from "@/lib/domain/exports/lists/teachers";
import { USER_COLUMNS } from "@/lib/domain/exports/lists/users";
import { writeCsvTable } from "@/lib/domain/exports/write-csv-table";
import { writeXlsxTable } from "@/lib/domain/exports/write-xlsx-table";
import { batchesOf } from "@/lib/paging";
import type { AssignmentRow } from "@/lib/server/assignments/list-assignments";
import type { DocumentRow } from "@/lib/server/documents/list-documents";
import type { PlanRow } from "@/lib/server/plans/list-plans";
import type { StudentRow } from "@/lib/server/students/list-students";
import type { TeacherRow } from "@/lib/server/students/list-teachers";
import type { UserRow } from "@/lib/server/users/list-users";

const headers = (columns: Record<string, { header: string }>) => Object.values(columns).map((c) => c.header);
const cellsOf = <R>(columns: Record<string, { value(row: R): unknown }>, row: R) => Object.values(columns).map((c) => c.value(row));

describe("the columns of each list", () => {
  it("carry the headers of the tables on screen, in their order", () => {
    expect(headers(DOCUMENT_COLUMNS)).toEqual(["Документ", "Дата", "Номер", "Наименование", "Чей", "Статус"]);
    expect(headers(PLAN_COLUMNS)).toEqual(["План", "Вид", "Владелец", "Период", "Мероприятий", "Проведено", "Просрочено"]);
    expect(headers(assignmentColumns("2025-01-01"))).toEqual([
      "Муниципалитет или школа",
      "Роль",
      "Координатор",
      "Телефон",
      "Электронная почта",
      "Период",
      "Приказ",
      "Статус",
    ]);
    expect(headers(BLANK_COLUMNS)).toEqual(["Участник", "Бланк", "Кампания", "Статус", "Срок сдачи"]);
    expect(headers(CAMPAIGN_COLUMNS)).toEqual(["Кампания", "Дата", "Срок сдачи", "Сдано / принято / всего"]);
    expect(headers(MUNICIPALITY_COLUMNS)).toEqual(["Муниципальное образование", "Школ"]);
    expect(headers(FINDING_COLUMNS)).toEqual([
      "Пункт бланка",
      "Кампания",
      "Участник",
      "Бланк",
      "Нарушение",
      "Замечание аудитора",
      "Основание",
      "Критичность",
      "Срок устранения",
      "Ответственный",
      "Устранение",
    ]);
    expect(headers(STUDENT_COLUMNS)).toEqual(["ФИО", "Класс", "Дата рождения", "Статус", "ИУП"]);
    expect(headers(TEACHER_COLUMNS)).toEqual(["ФИО", "Предмет", "Курсы", "Нужны курсы"]);
    expect(headers(USER_COLUMNS)).toEqual(["ФИО", "Электронная почта", "Роли", "Создан"]);
    expect(areaCountColumns("municipality").map((c) => c.header)).toEqual([
      "Муниципалитет",
      "Обучаются с ДОТ",
      "из них с ИУП",
      "Педагогов",
      "Нуждаются в курсах",
      "Обучающихся и выпускников",
      "Выпускников",
      "Продолжают в ВУЗ/СПО",
    ]);
    expect(areaCountColumns("school")[0]!.header).toBe("Школа");
  });

  it("type their cells: dates as days, counts as numbers, the rest as the text on screen", () => {
    const document: DocumentRow = {
      id: "d",
      type: "приказ",
      issuer: "Управление образования",
      date: "2020-09-18",
      number: "1006",
      title: null,
      owner: "Муниципалитет A1",
      status: "SUPERSEDED",
      fileId: null,
      childData: false,
    };
    expect(cellsOf(DOCUMENT_COLUMNS, document)).toEqual([
      "Приказ Управление образования",
      "2020-09-18",
      "1006",
      null,
      "Муниципалитет A1",
      "заменён",
    ]);
    expect(DOCUMENT_COLUMNS.date.type).toBe("date");

    const plan: PlanRow = {
      id: "p",
      kind: "ROADMAP",
      title: "Дорожная карта",
      owner: "Регион",
      schoolYear: null,
      startsOn: "2013-09-01",
      endsOn: "2015-08-31",
      events: 12,
      done: 3,
      overdue: 2,
    };
    expect(cellsOf(PLAN_COLUMNS, plan)).toEqual(["Дорожная карта", "Дорожная карта", "Регион", "01.09.2013 – 31.08.2015", 12, 3, 2]);
    expect([PLAN_COLUMNS.events.type, PLAN_COLUMNS.done.type, PLAN_COLUMNS.overdue.type]).toEqual(["number", "number", "number"]);

    const assignment: AssignmentRow = {
      id: "a",
      subjectId: "m",
      subject: "Славянский район",
      role: "MUNICIPAL_COORDINATOR",
      personName: "Иванова И. И.",
      phone: null,
      email: "i@x.ru",
      validFrom: "2027-09-01",
      validTo: null,
      order: "приказ от 18.09.2020 № 1006",
      current: false,
      hasAccount: true,
    };
    const statusOf = (today: string) => assignmentColumns(today).current.value(assignment);
    expect([statusOf("2025-01-01"), statusOf("2028-01-01")]).toEqual(["с 01.09.2027", "завершено"]);

    const student: StudentRow = {
      id: "s",
      schoolYear: "2025/2026",
      fullName: "Петров П.",
      grade: "9А",
      birthDate: null,
      status: "GRADUATED",
      furtherEducation: "SPO",
      iupPresent: true,
      schoolName: "Школа",
    };
    // The school is not on the screen, so not in the file either.
    expect(cellsOf(STUDENT_COLUMNS, student)).toEqual(["Петров П.", "9А", null, "выпускник · СПО", "есть"]);

    const teacher: TeacherRow = {
      id: "t",
      organizationId: "o",
      schoolYear: "2025/2026",
      fullName: "Сидорова",
      subject: "Математика",
      needsCourse: false,
      courses: [
        { title: "ДОТ", dateFrom: "2025-09-01", dateTo: "2025-09-30", hours: 72 },
        { title: "ИКТ", dateFrom: "2025-10-01", dateTo: null, hours: 16 },
      ],
    };
    expect(TEACHER_COLUMNS.courses.value(teacher)).toBe("ДОТ, 01.09.2025–30.09.2025, 72 ч\nИКТ, 01.10.2025, 16 ч");

    const user: UserRow = {
      id: "u",
      email: "a@b.ru",
      name: "Админ",
      createdAt: "2025-03-01T21:00:00.000Z",
      memberships: [{ id: "m", role: "REGION_ADMIN", scopeName: "Регион A" }],
    };
    expect(cellsOf(USER_COLUMNS, user)).toEqual(["Админ", "a@b.ru", "Администратор региона: Регион A", "2025-03-01"]);
  });
});

interface Sample {
  name: string;
  day: string | null;
  count: number | null;
  share: number | null;
}

const s = columnsFor<Sample>();
const SAMPLE_COLUMNS = [
  s.text("Название", (r) => r.name),
  s.date("Дата", (r) => r.day),
  s.number("Число", (r) => r.count),
  s.percent("Доля", (r) => r.share),
];
const SAMPLE_ROWS: Sample[][] = [
  [
    { name: "=1+2", day: "2022-12-06", count: 3.5, share: 85.5 },
    { name: "+7 913 000-00-00", day: null, count: null, share: null },
  ],
  [
    { name: "-1", day: "2000-02-29", count: 0, share: 100 },
    { name: "@SUM(A1)", day: "2025-01-31", count: 1200, share: 0 },
    { name: 'Школа "Ромашка"; корпус 2', day: "2024-06-01", count: 7, share: 12 },
  ],
];

async function* inBatches<T>(batches: T[][]): AsyncGenerator<T[]> {
  for (const batch of batches) yield batch;
}

const sampleTable = (batches = SAMPLE_ROWS): ExportTable => exportTable("Образец", SAMPLE_COLUMNS, inBatches(batches));

/** Everything a writer sends into its output, read as a browser would while it is written. */
async function bytesOf(write: (table: ExportTable, output: PassThrough) => Promise<void>, table: ExportTable): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await Promise.all([write(table, output), finished(output)]);
  return Buffer.concat(chunks);
}

describe("CSV", () => {
  it("a byte order mark, ';', dates ДД.ММ.ГГГГ, numbers with a decimal comma, formula-like text neutralised", async () => {
    const text = (await bytesOf(writeCsvTable, sampleTable())).toString("utf8");
    expect(text.split("\r\n")).toEqual([
      "\uFEFFНазвание;Дата;Число;Доля",
      "'=1+2;06.12.2022;3,5;85,5%",
      "'+7 913 000-00-00;;;",
      "'-1;29.02.2000;0;100%",
      "'@SUM(A1);31.01.2025;1200;0%",
      '"Школа ""Ромашка""; корпус 2";01.06.2024;7;12%',
      "",
    ]);
  });

  it("reads back as the same text, the apostrophes removed", async () => {
    expect(csvRecords(await bytesOf(writeCsvTable, sampleTable())).map((r) => r[0])).toEqual([
      "Название",
      "=1+2",
      "+7 913 000-00-00",
      "-1",
      "@SUM(A1)",
      'Школа "Ромашка"; корпус 2',
    ]);
  });
});

describe("XLSX", () => {
  async function sheetOf(bytes: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return workbook.worksheets[0]!;
  }

  it("a bold header frozen at the top, then the rows of every batch", async () => {
    const sheet = await sheetOf(await bytesOf(writeXlsxTable, sampleTable()));
    expect(sheet.name).toBe("Образец");
    expect(sheet.views[0]?.state).toBe("frozen");
    expect(sheet.views[0]).toMatchObject({ ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, "Название", "Дата", "Число", "Доля"]);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.rowCount).toBe(6);
  });

  it("typed cells, checked one by one: a date is a Date shown ДД.ММ.ГГГГ, a number a number, formula-like text a string", async () => {
    const sheet = await sheetOf(await bytesOf(writeXlsxTable, sampleTable()));
    const cell = (row: number, column: number) => sheet.getRow(row).getCell(column);

    expect(cell(2, 1).value).toBe("=1+2");
    expect(cell(2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(cell(2, 1).formula).toBeUndefined();
    expect(cell(2, 1).numFmt).toBe("@");

    expect(cell(2, 2).value).toBeInstanceOf(Date);
    expect((cell(2, 2).value as Date).toISOString()).toBe("2022-12-06T00:00:00.000Z");
    expect(cell(2, 2).type).toBe(ExcelJS.ValueType.Date);
    expect(cell(2, 2).numFmt).toBe("dd.mm.yyyy");

    expect(cell(2, 3).value).toBe(3.5);
    expect(cell(2, 3).type).toBe(ExcelJS.ValueType.Number);

    expect(cell(2, 4).value).toBeCloseTo(0.855);
    expect(cell(2, 4).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2, 4).numFmt).toBe("0.0%");

    // An empty value is an empty cell, not "" and not 0.
    for (const column of [2, 3, 4]) expect(cell(3, column).type).toBe(ExcelJS.ValueType.Null);

    expect([2, 3, 4, 5, 6].map((row) => cell(row, 1).value)).toEqual([
      "=1+2",
      "+7 913 000-00-00",
      "-1",
      "@SUM(A1)",
      'Школа "Ромашка"; корпус 2',
    ]);
    expect([4, 5, 6].map((row) => (cell(row, 2).value as Date).toISOString().slice(0, 10))).toEqual([
      "2000-02-29",
      "2025-01-31",
      "2024-06-01",
    ]);
    expect([4, 5, 6].map((row) => cell(row, 3).value)).toEqual([0, 1200, 7]);
  });

  it("text XML cannot carry is escaped as Excel reads it; a sheet name Excel refuses is made acceptable", async () => {
    const columns = [s.text("Название", (r) => r.name)];
    const table = exportTable(
      "Педагоги: работающие с применением ДОТ [все]",
      columns,
      inBatches([[{ name: "a\u0001b _x0041_", day: null, count: null, share: null }]]),
    );
    const sheet = await sheetOf(await bytesOf(writeXlsxTable, table));
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:[\]]/u);
    // Excel decodes "_xHHHH_" in a cell's value back to the text; exceljs leaves it as written.
    expect(sheet.getRow(2).getCell(1).value).toBe("a_x0001_b _x005F_x0041_");
  });
});

describe("streaming", () => {
  it("a list is read in batches through its page reader until a short batch", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const windows: Array<{ skip: number; take: number }> = [];
    const read = async (window: { skip: number; take: number }) => {
      windows.push(window);
      return rows.slice(window.skip, window.skip + window.take);
    };
    const batches: number[][] = [];
    for await (const batch of batchesOf({ read }, 3)) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(windows).toEqual([
      { skip: 0, take: 3 },
      { skip: 3, take: 3 },
      { skip: 6, take: 3 },
    ]);
    windows.length = 0;
    for await (const batch of batchesOf({ read: async (w) => rows.slice(0, 6).slice(w.skip, w.skip + w.take) }, 3)) batches.push(batch);
    expect(batches.slice(3)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  for (const [format, write] of [
    ["csv", writeCsvTable],
    ["xlsx", writeXlsxTable],
  ] as const) {
    it(`${format}: waits for a slow reader and stops reading the list when the reader goes away`, async () => {
      let read = 0;
      let closed = false;
      async function* endless(): AsyncGenerator<Sample[]> {
        try {
          for (;;) {
            read++;
            // Text that does not compress, so that it fills the reader's buffer as it would in a real list.
            yield Array.from({ length: 100 }, (_, i) => ({ name: randomBytes(1000).toString("base64"), day: null, count: i, share: null }));
          }
        } finally {
          closed = true;
        }
      }
      const output = new PassThrough();
      const writing = write(exportTable("Образец", SAMPLE_COLUMNS, endless()), output);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Nobody reads: the writer waits instead of reading the whole list into memory.
      expect(read).toBeLessThan(10);
      output.destroy();
      await writing;
      expect(closed).toBe(true);
    });
  }
});

describe("files and links", () => {
  it("names the file by the list and the day; XLSX unless CSV is asked for", () => {
    expect(exportFileName("Реестр документов", "xlsx", "2025-03-01")).toBe("Реестр документов 2025-03-01.xlsx");
    expect(ZExportFormat.parse(undefined)).toBe("xlsx");
    expect(ZExportFormat.parse("csv")).toBe("csv");
    expect(ZExportFormat.safeParse("pdf").success).toBe(false);
  });

  it("a link keeps the page's search, filters and sort, never its page", () => {
    expect(exportHref("documents", "q=%D0%BF%D1%80&type=приказ&page=3&pageSize=50&sort=date&dir=asc", "csv")).toBe(
      `/api/exports/documents?format=csv&q=%D0%BF%D1%80&type=${encodeURIComponent("приказ")}&sort=date&dir=asc`,
    );
    expect(exportHref("plans", "", "xlsx")).toBe("/api/exports/plans?format=xlsx");
    expect(isListExportId("documents")).toBe(true);
    expect(isListExportId("secrets")).toBe(false);
  });
});
