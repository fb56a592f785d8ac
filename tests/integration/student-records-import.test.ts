import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute, POST as importRoute } from "@/app/api/school/students/records/route";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { exportStudentRecords } from "@/lib/server/students/export-student-records";
import { importStudentRecords } from "@/lib/server/students/import-student-records";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { refusal as failure } from "../support/refusals";
import { csvOf, xlsxOf } from "../support/spreadsheets";
import { STUDENT_HEADER, TEACHER_HEADER } from "../support/student-headers";
import { useTestDatabase } from "../support/test-database";

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

const YEAR = "2025/2026";
const NAMES = ["Секретова Анна Игоревна", "Тайнов Пётр Ильич", "Закрытова Ольга Сергеевна"];

const STUDENTS = [
  STUDENT_HEADER,
  [NAMES[0]!, "01.04.2012", "7", "01.01.2027", "да", "Пн, ср, пт — 10:00\nВт — 12:00", "обучается", ""],
  [NAMES[1]!, "15.09.2008", "11", "", "нет", "", "выпускник", "ВУЗ"],
  [NAMES[2]!, "", "3", "", "", "", "", ""],
];
const TEACHERS = [
  TEACHER_HEADER,
  ["Учителева Мария Петровна", "математика", "нет", "Обучение детей с ОВЗ; 01.02.2024–15.02.2024; 72 ч.\nДОТ в школе; 01.03.2025; 36 ч."],
  ["Педагогов Иван Иванович", "русский язык", "да", ""],
];

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let school: Scope;
let otherSchool: Scope;
let auditor: Scope;
let admin: Scope;
let mo: Scope;
let adminB: Scope;

beforeAll(async () => {
  t = await buildTwoTenants("sri");
  school = (
    await userWithRole("school@sri.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
  otherSchool = (
    await userWithRole("school2@sri.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s2.id,
    })
  ).scope;
  auditor = (await userWithRole("auditor@sri.test", "REGION_AUDITOR", { regionId: t.regionA.id })).scope;
  admin = (await userWithRole("admin@sri.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  mo = (await userWithRole("mo@sri.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id })).scope;
  adminB = (await userWithRole("admin@sri-b.test", "REGION_ADMIN", { regionId: t.regionB.id })).scope;
});

const studentsOf = () =>
  db().dotStudent.findMany({
    where: { organizationId: t.a1s1.id, schoolYear: YEAR },
    orderBy: { fullName: "asc" },
    select: {
      id: true,
      fullName: true,
      birthDate: true,
      grade: true,
      disabilityConfirmedUntil: true,
      iupPresent: true,
      timetable: true,
      status: true,
      furtherEducation: true,
      updatedAt: true,
    },
  });
const teachersOf = () =>
  db().dotTeacher.findMany({
    where: { organizationId: t.a1s1.id, schoolYear: YEAR },
    orderBy: { fullName: "asc" },
    include: { courses: { orderBy: { dateFrom: "asc" }, select: { title: true, dateFrom: true, dateTo: true, hours: true } } },
  });

const run = (options: { kind: "students" | "teachers"; bytes: Uint8Array; scope?: Scope; dryRun?: boolean }) =>
  importStudentRecords({
    scope: options.scope ?? school,
    organizationId: t.a1s1.id,
    schoolYear: YEAR,
    kind: options.kind,
    bytes: options.bytes,
    dryRun: options.dryRun,
  });

describe("importing", () => {
  it("a valid XLSX of students imports; a dry run first writes nothing", async () => {
    const file = await xlsxOf(STUDENTS);
    expect(await run({ kind: "students", bytes: file, dryRun: true })).toMatchObject({ dryRun: true, created: 3, errors: [] });
    expect(await studentsOf()).toEqual([]);
    const result = await run({ kind: "students", bytes: file });
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: [] });
    const stored = await studentsOf();
    expect(stored.map((s) => [s.fullName, s.birthDate?.toISOString().slice(0, 10) ?? null, s.status, s.furtherEducation])).toEqual([
      [NAMES[2], null, "STUDYING", null],
      [NAMES[0], "2012-04-01", "STUDYING", null],
      [NAMES[1], "2008-09-15", "GRADUATED", "VUZ"],
    ]);
    expect(stored.find((s) => s.fullName === NAMES[0])!.timetable).toBe("Пн, ср, пт — 10:00\nВт — 12:00");
  });

  it("a valid CSV of teachers imports, with their courses", async () => {
    expect(await run({ kind: "teachers", bytes: csvOf(TEACHERS) })).toMatchObject({ created: 2, errors: [] });
    const stored = await teachersOf();
    expect(stored.find((x) => x.subject === "математика")!.courses).toEqual([
      { title: "Обучение детей с ОВЗ", dateFrom: new Date("2024-02-01"), dateTo: new Date("2024-02-15"), hours: 72 },
      { title: "ДОТ в школе", dateFrom: new Date("2025-03-01"), dateTo: null, hours: 36 },
    ]);
  });

  it("importing the same files again changes nothing", async () => {
    const before = [await studentsOf(), await teachersOf()];
    expect(await run({ kind: "students", bytes: await xlsxOf(STUDENTS) })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      errors: [],
    });
    expect(await run({ kind: "teachers", bytes: csvOf(TEACHERS) })).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect([await studentsOf(), await teachersOf()]).toEqual(before);
  });

  it("a changed row updates the student with the same name and birth date instead of adding another", async () => {
    const rows = STUDENTS.map((r) => [...r]);
    rows[1]![2] = "8";
    const result = await run({ kind: "students", bytes: csvOf(rows) });
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(result.rows.find((r) => r.action === "update")).toMatchObject({ row: 2, changes: ["grade"] });
    expect((await studentsOf()).find((s) => s.fullName === NAMES[0])!.grade).toBe("8");
    expect(await studentsOf()).toHaveLength(3);
  });

  it("a broken file is refused with each error by row and column, nothing stored, no name quoted", async () => {
    const before = await studentsOf();
    const file = await xlsxOf([
      STUDENT_HEADER,
      ["Новикова Вера Андреевна", "02.02.2014", "5", "", "нет", "", "обучается", ""],
      ["", "03.03.2014", "5", "", "нет", "", "обучается", ""],
      ["Невозможный Артём Олегович", "31.02.2013", "6", "", "нет", "", "обучается", ""],
      ["Обучаемая Дарья Юрьевна", "04.04.2012", "7", "", "нет", "", "обучается", "СПО"],
    ]);
    const result = await run({ kind: "students", bytes: file });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0, rows: [] });
    expect(result.errors).toEqual([
      { row: 3, column: "ФИО (или инициалы)", message: "Укажите ФИО или инициалы." },
      { row: 4, column: "Дата рождения", message: "Такой даты не бывает: укажите дату в виде ДД.ММ.ГГГГ." },
      { row: 5, column: "Продолжает обучение", message: "Продолжение обучения указывается только для выпускников (статус «выпускник»)." },
    ]);
    const text = JSON.stringify(result.errors);
    for (const name of ["Новикова", "Невозможный", "Обучаемая", "Вера", "Артём", "Дарья", "31.02"]) expect(text).not.toContain(name);
    expect(await studentsOf()).toEqual(before);
  });
});

describe("export", () => {
  it.each(["xlsx", "csv"] as const)("students and teachers in %s import back without changing anything", async (format) => {
    const before = [await studentsOf(), await teachersOf()];
    for (const kind of ["students", "teachers"] as const) {
      const file = await exportStudentRecords({ scope: school, organizationId: t.a1s1.id, kind, schoolYear: YEAR, format });
      expect(file.count).toBe(kind === "students" ? 3 : 2);
      const result = await run({ kind, bytes: file.bytes });
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: file.count, errors: [] });
    }
    expect([await studentsOf(), await teachersOf()]).toEqual(before);
  });

  it("another school year is empty", async () => {
    const file = await exportStudentRecords({
      scope: school,
      organizationId: t.a1s1.id,
      kind: "students",
      schoolYear: "2024/2025",
      format: "csv",
    });
    expect(file.count).toBe(0);
  });
});

describe("formula-like cells", () => {
  const FORMULA = '=HYPERLINK("http://x")';

  it("are kept as text on import and neutralised on export", async () => {
    const csv = csvOf([STUDENT_HEADER, ["Формулова Ф. Ф.", "05.05.2013", "6", "", "нет", FORMULA, "обучается", ""]]);
    expect(await run({ kind: "students", bytes: csv })).toMatchObject({ created: 1, errors: [] });
    const xlsx = await xlsxOf([
      STUDENT_HEADER,
      ["Формулова Г. Г.", "06.06.2013", "6", "", "нет", { formula: 'HYPERLINK("http://x")', result: "http://x" }, "обучается", ""],
    ]);
    expect(await run({ kind: "students", bytes: xlsx })).toMatchObject({ created: 1, errors: [] });
    const stored = (await studentsOf()).filter((s) => s.fullName.startsWith("Формулова"));
    expect(stored.map((s) => s.timetable)).toEqual([FORMULA, FORMULA]);

    const exportedCsv = await exportStudentRecords({
      scope: school,
      organizationId: t.a1s1.id,
      kind: "students",
      schoolYear: YEAR,
      format: "csv",
    });
    const line = exportedCsv.bytes
      .toString("utf8")
      .split("\r\n")
      .find((l) => l.startsWith("Формулова Ф. Ф."));
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);

    const exportedXlsx = await exportStudentRecords({
      scope: school,
      organizationId: t.a1s1.id,
      kind: "students",
      schoolYear: YEAR,
      format: "xlsx",
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exportedXlsx.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).text === "Формулова Ф. Ф.")!;
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBe(FORMULA);

    const before = await studentsOf();
    for (const file of [exportedCsv, exportedXlsx]) {
      expect(await run({ kind: "students", bytes: file.bytes })).toMatchObject({ created: 0, updated: 0, errors: [] });
    }
    expect(await studentsOf()).toEqual(before);
  });
});

describe("who may import and export", () => {
  it("an auditor, an admin, the municipal coordinator, another school's coordinator and region B's admin get NOT_FOUND", async () => {
    const before = await studentsOf();
    const file = csvOf([STUDENT_HEADER, ["Чужой Ч. Ч.", "07.07.2013", "6", "", "", "", "", ""]]);
    for (const scope of [auditor, admin, mo, otherSchool, adminB]) {
      expect((await failure(run({ kind: "students", bytes: file, scope }))).code).toBe("NOT_FOUND");
      expect((await failure(run({ kind: "students", bytes: file, scope, dryRun: true }))).code).toBe("NOT_FOUND");
      for (const kind of ["students", "teachers"] as const) {
        expect(
          (await failure(exportStudentRecords({ scope, organizationId: t.a1s1.id, kind, schoolYear: YEAR, format: "xlsx" }))).code,
        ).toBe("NOT_FOUND");
      }
    }
    expect(await studentsOf()).toEqual(before);
  });
});

describe("the API", () => {
  const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
  const noParams = { params: Promise.resolve({}) };
  const post = (bytes: Buffer, fields: Record<string, string>, query = "") => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], "учёт.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return importRoute(new Request(`http://localhost/api/school/students/records${query}`, { method: "POST", body: form }), noParams);
  };
  const get = (query: string) => exportRoute(new Request(`http://localhost/api/school/students/records${query}`), noParams);

  it("previews with ?dryRun=1, imports, answers 422 with the errors of a broken file", async () => {
    as(school);
    const fields = { kind: "teachers", schoolYear: YEAR };
    const file = csvOf([TEACHER_HEADER, ["Новый Педагог Петрович", "физика", "да", ""]]);
    const preview = await post(file, fields, "?dryRun=1");
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, created: 1, unchanged: 0 });
    const imported = await post(file, fields);
    expect(await imported.json()).toMatchObject({ dryRun: false, created: 1 });
    const broken = await post(csvOf([TEACHER_HEADER, ["Новый Педагог Петрович", "", "может быть", ""]]), fields);
    expect(broken.status).toBe(422);
    const body = (await broken.json()) as { errors: unknown[] };
    expect(body.errors).toEqual([
      { row: 2, column: "Нужны курсы ПК", message: "Укажите «да» или «нет»." },
      { row: 2, column: "Предмет", message: "Укажите предмет." },
    ]);
    expect((await post(file, { kind: "pupils", schoolYear: YEAR })).status).toBe(422);
  });

  it("downloads with a Cyrillic file name; 403 to other roles, 404 to another school, 401 without a session", async () => {
    as(school);
    const csv = await get(`?kind=students&schoolYear=${encodeURIComponent(YEAR)}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(encodeURIComponent("Обучающиеся с ДОТ — 2025-2026.csv"));
    expect((await get(`?kind=students&schoolYear=2025`)).status).toBe(422);
    as(otherSchool);
    expect((await get(`?kind=students&schoolYear=${encodeURIComponent(YEAR)}&organizationId=${t.a1s1.id}`)).status).toBe(404);
    as(auditor);
    expect((await get(`?kind=students&schoolYear=${encodeURIComponent(YEAR)}`)).status).toBe(403);
    as(null);
    expect((await get(`?kind=students&schoolYear=${encodeURIComponent(YEAR)}`)).status).toBe(401);
  });
});
