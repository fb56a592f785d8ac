import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as schoolsRoute } from "@/app/api/municipalities/[id]/schools/route";
import { POST as roadmapRoute } from "@/app/api/plans/import/route";
import { POST as recordsRoute } from "@/app/api/school/students/records/route";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { importSchools } from "@/lib/server/directory/import-schools";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";
import { ensureMunicipality, ensureOrganization, ensureRegion } from "@/lib/server/seed/factories";
import { importStudentRecords } from "@/lib/server/students/import-student-records";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { uploadRequest } from "./hostile-input-support";

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

/**
 * The real files of tests/fixtures/real-files (made by openpyxl and by hand, as
 * Russian Excel saves them): every import takes each of its files — Windows-1251
 * and UTF-16 CSV, a workbook with a merged title, column numbers, multi-line cells,
 * dates typed every way, masked phones and signatures, a workbook whose first
 * sheet is instructions — to the same records, says how it read the file and
 * which rows it left out, and a second import adds nothing. A workbook with the
 * table on two sheets is refused naming both until one is chosen.
 */

const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "real-files");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const SAME_SET = ["windows-1251.csv", "utf-16.csv", "xlsx", "instructions-first.xlsx"] as const;
const fileOf = (table: string, variant: (typeof SAME_SET)[number]) => (variant === "xlsx" ? `${table}.xlsx` : `${table}-${variant}`);

/** How each file says it was read. */
const READ_AS: Record<(typeof SAME_SET)[number], string> = {
  "windows-1251.csv": "Кодировка: Windows-1251, разделитель «;»",
  "utf-16.csv": "Кодировка: UTF-16 LE, разделитель — табуляция",
  xlsx: "Лист: ",
  "instructions-first.xlsx": "Лист: ",
};

/** The rows each file leaves out: column numbers under the header (row 3), two signature lines under the table. */
function leftOut(signatureRows: [number, number], quoted: boolean) {
  const say = (text: string, message: string) => (quoted ? `«${text}» — ${message}` : message);
  return [
    { kind: "explanation", row: 3, message: expect.stringContaining("не импортировано: пояснение под строкой заголовков") },
    {
      kind: "left-out",
      row: signatureRows[0],
      message: say("Начальник управления образования ____________ /ФИО/", "не импортировано: подпись/примечание под таблицей"),
    },
    {
      kind: "left-out",
      row: signatureRows[1],
      message: say("Исполнитель: Петрова Т.А., тел. 2-31-80", "не импортировано: подпись/примечание под таблицей"),
    },
  ];
}

const noticesOf = (variant: (typeof SAME_SET)[number], sheet: string, signatureRows: [number, number], quoted: boolean) => [
  {
    kind: variant.endsWith("csv") ? "encoding" : "sheet",
    row: null,
    message: variant.endsWith("csv") ? READ_AS[variant] : `Лист: ${sheet}`,
  },
  ...leftOut(signatureRows, quoted),
];

const as = (scope: Scope) => vi.mocked(getScope).mockResolvedValue(scope);

let slavyansky: { id: string };
let kaltan: { id: string };
let school: { id: string };
let mo: Scope;
let admin42: Scope;
let coordinator: Scope;

beforeAll(async () => {
  const krai = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  slavyansky = await ensureMunicipality(db(), { regionId: krai.id, name: "Славянский район" });
  mo = (await userWithRole("mo@real-files.test", "MUNICIPAL_COORDINATOR", { regionId: krai.id, municipalityId: slavyansky.id })).scope;
  const kuzbass = await ensureRegion(db(), { code: "42", name: "Кемеровская область — Кузбасс" });
  kaltan = await ensureMunicipality(db(), { regionId: kuzbass.id, name: "Калтанский городской округ" });
  admin42 = (await userWithRole("admin42@real-files.test", "REGION_ADMIN", { regionId: kuzbass.id })).scope;
  school = await ensureOrganization(db(), { regionId: kuzbass.id, municipalityId: kaltan.id, kind: "SCHOOL", name: "МБОУ СОШ № 1" });
  coordinator = (
    await userWithRole("school@real-files.test", "SCHOOL_COORDINATOR", {
      regionId: kuzbass.id,
      municipalityId: kaltan.id,
      organizationId: school.id,
    })
  ).scope;
});

describe("roadmap (seed 002's columns)", () => {
  const events = () =>
    db().planEvent.findMany({
      where: { plan: { municipalityId: slavyansky.id, kind: "ROADMAP" } },
      orderBy: { position: "asc" },
      select: {
        title: true,
        description: true,
        timingText: true,
        startsOn: true,
        responsibleText: true,
        responsiblePeople: true,
        audience: true,
        evidenceText: true,
        plan: { select: { schoolYear: true } },
      },
    });
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

  /** The four events, whichever file they came from: line breaks kept, every spelling of 14 October 2021 read alike. */
  async function expectEvents() {
    const stored = await events();
    expect(stored.map((e) => [e.title, e.timingText, day(e.startsOn), e.plan.schoolYear])).toEqual([
      ['Совещание "О плане работы с ШНОР"', "14.10.2021", "2021-10-14", "2021/2022"],
      ["Методический семинар для учителей математики", "14.10.21", "2021-10-14", "2021/2022"],
      ["Круглый стол по итогам мониторинга", "14.10.2021", "2021-10-14", "2021/2022"],
      ["Консультации для ШНОР", "В течение учебного года", "2021-09-01", "2021/2022"],
    ]);
    expect(stored[0]).toMatchObject({
      description: "Место: МБОУ СОШ № 1\nФормат: очно\nЦель: обмен опытом",
      responsibleText: "Петрова Т.А.\nИванов И.И.",
      responsiblePeople: ["Петрова Т.А.", "Иванов И.И."],
      audience: "кураторы ШНОР",
      evidenceText: "Приказ управления образования от 01.10.2021 № 15",
    });
  }

  it.each(SAME_SET.map((v) => [v]))("reads %s to the same four events, and a second import adds nothing", async (variant) => {
    const name = fileOf("roadmap", variant);
    const bytes = fixture(name);
    const first = (await events()).length === 0;
    const preview = await importRoadmap({ scope: mo, bytes, fileName: name, dryRun: true });
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual(noticesOf(variant, "Дорожная карта", [9, 10], true));
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([4, 5, 6, 7].map((row) => [row, first ? "create" : "update"]));

    const imported = await importRoadmap({ scope: mo, bytes, fileName: name });
    expect(imported).toMatchObject({ errors: [], imported: first ? 4 : 0, updated: first ? 0 : 4 });
    await expectEvents();
    const again = await importRoadmap({ scope: mo, bytes, fileName: name });
    expect(again).toMatchObject({ errors: [], imported: 0, updated: 4 });
    expect(await events()).toHaveLength(4);
    await expectEvents();
  });

  it("asks which sheet when two hold the report, then reads the one chosen, through the route", async () => {
    as(mo);
    const post = (query: string, fields: Record<string, string> = {}) =>
      roadmapRoute(
        uploadRequest(
          `http://localhost/api/plans/import${query}`,
          { bytes: fixture("roadmap-two-tables.xlsx"), name: "отчёт.xlsx" },
          fields,
        ),
        { params: Promise.resolve({}) },
      );
    const asked = await post("?dryRun=1");
    expect(asked.status).toBe(422);
    expect(await asked.json()).toMatchObject({
      rows: [],
      sheets: ["Дорожная карта", "Архив"],
      errors: [{ row: null, message: expect.stringContaining("«Дорожная карта», «Архив»") }],
    });
    const chosen = await post("?dryRun=1&sheet=%D0%94%D0%BE%D1%80%D0%BE%D0%B6%D0%BD%D0%B0%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0");
    expect(chosen.status).toBe(200);
    const chosenBody = await chosen.json();
    expect(chosenBody).toMatchObject({ errors: [], sheets: [] });
    expect(chosenBody.notices[0]).toEqual({ kind: "sheet", row: null, message: "Лист: Дорожная карта" });
    const archive = await post("", { sheet: "Архив" });
    expect(await archive.json()).toMatchObject({ errors: [], imported: 1, rows: [{ title: "Архивное мероприятие" }] });
    const unknown = await post("?dryRun=1&sheet=Нет");
    expect((await unknown.json()).errors[0].message).toBe("В книге нет листа «Нет»: есть «Инструкция», «Дорожная карта», «Архив».");
  });
});

describe("schools (seed 001's columns)", () => {
  const schools = () =>
    db().organization.findMany({
      where: { municipalityId: kaltan.id, kind: "SCHOOL", name: { startsWith: 'МБОУ "' } },
      orderBy: { name: "asc" },
      select: {
        name: true,
        headName: true,
        phone: true,
        addresses: { orderBy: { position: "asc" }, select: { label: true, address: true } },
      },
    });

  it.each(SAME_SET.map((v) => [v]))("reads %s to the same three schools, and a second import adds nothing", async (variant) => {
    const bytes = fixture(fileOf("schools", variant));
    const first = (await schools()).length === 0;
    const preview = await importSchools({ scope: admin42, municipalityId: kaltan.id, bytes, dryRun: true });
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual(noticesOf(variant, "Организации", [8, 9], true));
    expect(preview).toMatchObject({ created: first ? 3 : 0, unchanged: first ? 0 : 3, updated: 0 });

    await importSchools({ scope: admin42, municipalityId: kaltan.id, bytes });
    const stored = await schools();
    expect(stored).toEqual([
      {
        name: 'МБОУ "Основная общеобразовательная школа № 15"',
        headName: "Белоногова Наталья Александровна",
        // 30866 in a cell formatted 0-00-00: the phone as the sheet shows it.
        phone: "3-08-66",
        addresses: [{ label: null, address: "652809, Кемеровская область, г. Калтан, ул. Дзержинского, 3" }],
      },
      {
        name: 'МБОУ "Основная общеобразовательная школа № 18"',
        headName: "Луговенко Екатерина Андреевна",
        phone: "3-05-77",
        addresses: [{ label: null, address: "652740, Кемеровская область, г. Калтан, переулок Советский, 9 а" }],
      },
      {
        name: 'МБОУ "Средняя общеобразовательная школа № 1"',
        headName: "Петухова Лариса Анатольевна",
        phone: "3-18-39",
        addresses: [
          { label: "старший корпус", address: "652740, Кемеровская область, г. Калтан, ул. Калинина, 38" },
          { label: "младший корпус", address: "652740, Кемеровская область, г. Калтан, ул. Калинина, 40" },
        ],
      },
    ]);
    const again = await importSchools({ scope: admin42, municipalityId: kaltan.id, bytes });
    expect(again).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 3 });
    expect(await schools()).toEqual(stored);
  });

  it("asks which sheet when two hold the table, through the route", async () => {
    as(admin42);
    const post = (query: string) =>
      schoolsRoute(
        uploadRequest(`http://localhost/api/municipalities/${kaltan.id}/schools${query}`, {
          bytes: fixture("schools-two-tables.xlsx"),
          name: "школы.xlsx",
        }),
        { params: Promise.resolve({ id: kaltan.id }) },
      );
    const asked = await post("?dryRun=1");
    expect(asked.status).toBe(422);
    expect(await asked.json()).toMatchObject({ sheets: ["Организации", "Архив"], created: 0 });
    const chosen = await post(`?dryRun=1&sheet=${encodeURIComponent("Организации")}`);
    const body = await chosen.json();
    expect(body).toMatchObject({ errors: [], unchanged: 3 });
    expect(body.notices[0]).toEqual({ kind: "sheet", row: null, message: "Лист: Организации" });
  });
});

describe("ДОТ records (the app's student and teacher columns)", () => {
  const YEAR = "2023/2024";
  const students = () =>
    db().dotStudent.findMany({
      where: { organizationId: school.id, schoolYear: YEAR },
      orderBy: { fullName: "asc" },
      select: {
        fullName: true,
        birthDate: true,
        grade: true,
        disabilityConfirmedUntil: true,
        iupPresent: true,
        timetable: true,
        status: true,
        furtherEducation: true,
      },
    });
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  const importOf = (bytes: Buffer, kind: "students" | "teachers", dryRun = false) =>
    importStudentRecords({ scope: coordinator, organizationId: school.id, kind, schoolYear: YEAR, bytes, dryRun });

  it.each([...SAME_SET, "1904.xlsx"].map((v) => [v]))(
    "reads %s to the same three students, and a second import adds nothing",
    async (variant) => {
      const bytes = fixture(variant === "1904.xlsx" ? "students-1904.xlsx" : fileOf("students", variant as (typeof SAME_SET)[number]));
      const first = (await students()).length === 0;
      const preview = await importOf(bytes, "students", true);
      expect(preview.errors).toEqual([]);
      if (variant !== "1904.xlsx")
        expect(preview.notices).toEqual(noticesOf(variant as (typeof SAME_SET)[number], "Обучающиеся", [8, 9], false));
      expect(preview).toMatchObject({ created: first ? 3 : 0, unchanged: first ? 0 : 3 });
      await importOf(bytes, "students");
      const stored = (await students()).map((s) => ({
        ...s,
        birthDate: day(s.birthDate),
        disabilityConfirmedUntil: day(s.disabilityConfirmedUntil),
      }));
      // A date cell, «14.10.09», and a serial number in a number cell (counted in the workbook's date system) read alike.
      expect(stored).toEqual([
        {
          fullName: "Иванов И.И.",
          birthDate: "2010-10-14",
          grade: "5",
          disabilityConfirmedUntil: "2025-09-01",
          iupPresent: true,
          timetable: "Пн 10:00 математика\nСр 12:00 русский язык",
          status: "STUDYING",
          furtherEducation: null,
        },
        {
          fullName: "Петрова А.С.",
          birthDate: "2009-10-14",
          grade: "7",
          disabilityConfirmedUntil: "2024-09-01",
          iupPresent: false,
          timetable: null,
          status: "STUDYING",
          furtherEducation: null,
        },
        {
          fullName: "Сидоров П.П.",
          birthDate: "2009-10-14",
          grade: "11",
          disabilityConfirmedUntil: null,
          iupPresent: false,
          timetable: null,
          status: "GRADUATED",
          furtherEducation: "SPO",
        },
      ]);
      expect(await importOf(bytes, "students")).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 3 });
      expect(await students()).toHaveLength(3);
    },
  );

  it.each(SAME_SET.map((v) => [v]))("reads the teachers of %s, courses one per line", async (variant) => {
    const bytes = fixture(fileOf("teachers", variant));
    const first = (await db().dotTeacher.count({ where: { organizationId: school.id } })) === 0;
    const preview = await importOf(bytes, "teachers", true);
    expect(preview).toMatchObject({ errors: [], created: first ? 2 : 0, unchanged: first ? 0 : 2 });
    expect(preview.notices).toEqual(noticesOf(variant, "Педагоги", [7, 8], false));
    await importOf(bytes, "teachers");
    const teacher = await db().dotTeacher.findFirstOrThrow({
      where: { organizationId: school.id, fullName: "Кузнецова Е.В." },
      select: { courses: { orderBy: { dateFrom: "asc" }, select: { title: true, dateFrom: true, dateTo: true, hours: true } } },
    });
    expect(teacher.courses.map((c) => [c.title, day(c.dateFrom), day(c.dateTo), c.hours])).toEqual([
      ["Дистанционное обучение детей с ОВЗ", "2023-02-01", "2023-02-14", 72],
      ["Цифровая школа", "2023-03-10", null, 36],
    ]);
    expect(await importOf(bytes, "teachers")).toMatchObject({ created: 0, unchanged: 2 });
  });

  it("asks which sheet when two hold the table, through the route; never quotes a row", async () => {
    as(coordinator);
    const post = (fields: Record<string, string>) =>
      recordsRoute(
        uploadRequest(
          "http://localhost/api/school/students/records?dryRun=1",
          { bytes: fixture("students-two-tables.xlsx"), name: "учёт.xlsx" },
          { kind: "students", schoolYear: YEAR, ...fields },
        ),
        { params: Promise.resolve({}) },
      );
    const asked = await post({});
    expect(asked.status).toBe(422);
    expect(await asked.json()).toMatchObject({ sheets: ["Обучающиеся", "Архив"] });
    const chosen = await (await post({ sheet: "Обучающиеся" })).json();
    expect(chosen).toMatchObject({ errors: [], unchanged: 3 });
    expect(chosen.notices[0]).toEqual({ kind: "sheet", row: null, message: "Лист: Обучающиеся" });
    expect(JSON.stringify(chosen.notices)).not.toMatch(/Иванов|Петрова|Сидоров/u);
  });
});
