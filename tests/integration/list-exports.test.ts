import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { GET as exportRoute } from "@/app/api/exports/[list]/route";
import { formatDate } from "@/lib/dates";
import { csvNumber } from "@/lib/domain/directory/csv";
import { csvRecords as recordsOf } from "../support/csv";
import { AppError } from "@/lib/errors";
import type { Cell, ExportColumn } from "@/lib/domain/exports/columns";
import type { ListExportId } from "@/lib/domain/exports/list-ids";
import { assignmentColumns } from "@/lib/domain/exports/lists/assignments";
import { BLANK_COLUMNS } from "@/lib/domain/exports/lists/blanks";
import { CAMPAIGN_COLUMNS } from "@/lib/domain/exports/lists/campaigns";
import { DOCUMENT_COLUMNS } from "@/lib/domain/exports/lists/documents";
import { EVENT_COLUMNS } from "@/lib/domain/exports/lists/events";
import { FINDING_COLUMNS } from "@/lib/domain/exports/lists/findings";
import { MUNICIPALITY_COLUMNS } from "@/lib/domain/exports/lists/municipalities";
import { PLAN_COLUMNS } from "@/lib/domain/exports/lists/plans";
import { areaCountColumns } from "@/lib/domain/exports/lists/student-counts";
import { STUDENT_COLUMNS } from "@/lib/domain/exports/lists/students";
import { TEACHER_COLUMNS } from "@/lib/domain/exports/lists/teachers";
import { USER_COLUMNS } from "@/lib/domain/exports/lists/users";
import { contentDisposition } from "@/lib/domain/files/file-names";
import { currentSchoolYear } from "@/lib/domain/records/current-school-year";
import type { Scope } from "@/lib/scope";
import { assignmentToday } from "@/lib/schemas/assignment";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { exportList } from "@/lib/server/exports/export-list";
import { countStudentsByArea } from "@/lib/server/students/count-students-by-area";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import {
  changeEventStatus,
  createDocument,
  createPlan,
  createStudent,
  createTeacher,
  listAssignments,
  listBlanks,
  listCampaigns,
  listDocuments,
  listEvents,
  listFindings,
  listMunicipalities,
  listPlans,
  listStudents,
  listTeachers,
  listUsers,
  savePlanEvent,
} from "../support/operations";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

let w: CampaignWorld;
let adminA: Scope;
const year = currentSchoolYear();

beforeAll(async () => {
  w = await buildCampaignWorld("lx");
  adminA = (await userWithRole("admin@lx.test", "REGION_ADMIN", { regionId: w.t.regionA.id })).scope;
  const doc = (scope: Scope, owner: string, fields: Record<string, unknown>) =>
    createDocument({ scope, input: { owner, type: "приказ", issuer: "Управления образования", ...fields } });
  const a1 = `municipality:${w.t.a1.id}`;
  const a2 = `municipality:${w.t.a2.id}`;
  await doc(w.moA1.scope, a1, { number: "1", date: "2020-09-18", title: "О сети дистанционного обучения" });
  await doc(w.moA1.scope, a1, { number: "2", date: null, title: "О сети: без даты" });
  await doc(w.moA1.scope, a1, { number: "3", date: "2021-01-10", title: '=HYPERLINK("http://evil.test","сеть")' });
  await doc(w.moA1.scope, a1, { number: "4", date: "2021-01-10", title: "О сети, тот же день" });
  await doc(w.moA1.scope, a1, { type: "положение", number: "5", date: "2019-05-05", title: "О сети, положение" });
  await doc(w.auditor.scope, a2, { number: "6", date: "2022-02-02", title: "О сети в A2" });
  await doc(w.adminB.scope, `municipality:${w.t.b1.id}`, { number: "7", date: "2022-03-03", title: "О сети в регионе B" });

  const plan = (scope: Scope, owner: string, title: string, fields: Record<string, unknown> = { schoolYear: "2025/2026" }) =>
    createPlan({ scope, input: { kind: "METHODICAL_PLAN", title, owner, ...fields } });
  const methodicalA1 = await plan(w.moA1.scope, a1, "План методической работы A1");
  const event = (input: Record<string, unknown>) => savePlanEvent({ scope: w.moA1.scope, planId: methodicalA1.id, input });
  await event({
    number: "1.1",
    title: "Семинар для заместителей директоров",
    description: "=СУММ(A1:A2)",
    timingText: "До 1 октября 2025 года",
    responsibleText: "Иванова И.И.",
  });
  await event({ title: "Круглый стол", timingText: "по согласованию" });
  const survey = await event({ title: "Анкетирование педагогов", timingText: "Сентябрь 2025 года" });
  await changeEventStatus({
    scope: w.moA1.scope,
    planId: methodicalA1.id,
    eventId: survey.id,
    input: { action: "done", heldOn: "2025-09-20" },
  });
  await plan(adminA, a1, "Дорожная карта A1", { kind: "ROADMAP", startsOn: "2013-09-01", endsOn: "2015-08-31" });
  await plan(adminA, a1, "+Программа A1", { kind: "PROGRAMME", startsOn: "2020-01-01", endsOn: "2020-12-31" });
  await plan(w.moA2.scope, a2, "План методической работы A2");
  await plan(w.adminB.scope, `municipality:${w.t.b1.id}`, "План региона B");

  await db().coordinatorAssignment.create({
    data: {
      regionId: w.t.regionA.id,
      role: "MUNICIPAL_COORDINATOR",
      municipalityId: w.t.a1.id,
      personName: "Иванова Ирина Ивановна",
      phone: "-12-34",
      validFrom: new Date("2020-09-18"),
    },
  });
  // Findings of a municipal blank (no school) and of a school's: the order by participant meets an absent relation.
  for (const [subjectId, numbers] of [
    [w.t.a1.id, ["1.1", "1.2"]],
    [w.t.a1s1.id, ["2.1"]],
    [w.t.a2.id, ["3.1"]],
  ] as const) {
    const blank = await w.blankOf(subjectId);
    for (const itemNumber of numbers) {
      await db().finding.create({
        data: {
          regionId: w.t.regionA.id,
          campaignId: w.campaign.id,
          blankId: blank.id,
          municipalityId: blank.municipalityId,
          organizationId: blank.organizationId,
          itemKey: randomUUID(),
          itemNumber,
          itemTitle: `Пункт ${itemNumber}`,
          status: "ABSENT",
          severity: "HIGH",
          legalBasis: "",
          recommendation: "",
          deadline: new Date("2023-03-01"),
          responsible: itemNumber === "1.1" ? "@директор" : null,
        },
      });
    }
  }
  const school = { organizationId: w.t.a1s1.id, schoolYear: year };
  const teacher = await createTeacher({
    scope: w.schoolA1.scope,
    input: {
      ...school,
      fullName: "Сидорова Анна",
      subject: "Математика",
      courses: [{ title: "ДОТ", dateFrom: "2024-09-01", dateTo: "2024-09-30", hours: 72 }],
    },
  });
  await createStudent({
    scope: w.schoolA1.scope,
    input: { ...school, fullName: "Петров Пётр", grade: "9А", birthDate: "2010-04-05", teacherIds: [teacher.id] },
  });
  await createStudent({
    scope: w.schoolA1.scope,
    input: { ...school, fullName: "=Смирнов", grade: "5Б", status: "GRADUATED", furtherEducation: "SPO" },
  });
  await createStudent({ scope: w.schoolA1.scope, input: { ...school, schoolYear: "2019/2020", fullName: "Прошлогодний", grade: "1" } });
});

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

/** The export's sheet, cell by cell, as exceljs reads it back. */
async function xlsxCells(stream: ReadableStream<Uint8Array>, width: number) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(stream)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]?.state).toBe("frozen");
  const rows: ExcelJS.Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) rows.push(Array.from({ length: width }, (_, c) => sheet.getRow(r).getCell(c + 1)));
  return rows;
}

/** What a typed cell must read back as from the XLSX file. */
function xlsxValue(column: ExportColumn<never>, cell: Cell) {
  if (cell === null) return null;
  return column.type === "date" ? new Date(`${cell}T00:00:00Z`) : cell;
}

/** What a typed cell must read back as from the CSV file (apostrophes already removed by the CSV reader). */
function csvText(column: ExportColumn<never>, cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return csvNumber(cell);
  return column.type === "date" ? formatDate(cell) : cell;
}

async function csvRecords(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  return recordsOf(await bytesOf(stream));
}

/** The rows of the list on screen, as the export must write them. */
function expectedCsv<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): string[][] {
  return [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => csvText(c as ExportColumn<never>, c.value(row))))];
}

describe("an export holds the list as the page shows it, every row", () => {
  it("documents with a filter on, as XLSX: cell by cell the rows of listDocuments, dates as dates", async () => {
    const query = { type: "приказ", q: "сет", sort: "date", dir: "asc" };
    const page = await listDocuments({ scope: w.auditor.scope, query: { ...query, pageSize: 100 } });
    expect(page.total).toBe(5); // not the «положение», not region B's
    const file = await exportList({
      scope: w.auditor.scope,
      list: "documents",
      query: { ...query, page: "2", pageSize: "5" },
      format: "xlsx",
      batchSize: 2,
    });
    expect(file.fileName).toMatch(/^Реестр документов \d{4}-\d{2}-\d{2}\.xlsx$/u);
    expect(file.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const columns = Object.values(DOCUMENT_COLUMNS);
    const cells = await xlsxCells(file.stream, columns.length);
    expect(cells.map((row) => row.map((cell) => cell.value))).toEqual([
      columns.map((c) => c.header),
      ...page.rows.map((row) => columns.map((c) => xlsxValue(c, c.value(row)))),
    ]);
    // The formula-like title is text, never a formula; the dates are Excel dates.
    const titles = cells.map((row) => row[3]!);
    expect(titles.find((cell) => String(cell.value).startsWith("="))?.type).toBe(ExcelJS.ValueType.String);
    expect(
      cells
        .slice(1)
        .filter((row) => row[1]!.value !== null)
        .every((row) => row[1]!.type === ExcelJS.ValueType.Date),
    ).toBe(true);
    // Sorted by date with the undated last, as on screen.
    expect(page.rows.at(-1)!.date).toBeNull();
  });

  it("plans of one municipality, as CSV: the rows of listPlans, counts as numbers, formula-like text neutralised", async () => {
    const query = { municipalityId: w.t.a1.id, sort: "title", dir: "desc" };
    const page = await listPlans({ scope: adminA, query: { ...query, pageSize: 100 } });
    expect(page.total).toBe(3);
    const file = await exportList({ scope: adminA, list: "plans", query, format: "csv", batchSize: 2 });
    expect(file.fileName).toMatch(/^Планы и дорожные карты \d{4}-\d{2}-\d{2}\.csv$/u);
    const raw = (await bytesOf((await exportList({ scope: adminA, list: "plans", query, format: "csv" })).stream)).toString("utf8");
    expect(raw).toContain("\r\n'+Программа A1;");
    expect(await csvRecords(file.stream)).toEqual(expectedCsv(Object.values(PLAN_COLUMNS), page.rows));
  });

  it("a user of another region gets none of this region's rows, even when filtering by its ids", async () => {
    for (const list of ["documents", "plans"] as const) {
      const foreign = await csvRecords(
        (await exportList({ scope: w.adminB.scope, list, query: { municipalityId: w.t.a1.id }, format: "csv" })).stream,
      );
      expect(foreign).toHaveLength(1); // the header only
      const own = (await csvRecords((await exportList({ scope: w.adminB.scope, list, query: {}, format: "csv" })).stream)).slice(1);
      expect(own.map((r) => r[0])).toEqual([list === "documents" ? "Приказ Управления образования" : "План региона B"]);
      const theirs = (await csvRecords((await exportList({ scope: w.auditor.scope, list, query: {}, format: "csv" })).stream)).flat();
      expect(theirs.join("\n")).not.toContain("региона B");
      expect(theirs.join("\n")).not.toContain("регионе B");
    }
  });

  it("every list: the export's rows are the rows of its list operation, for the page's own role", async () => {
    const today = assignmentToday();
    const cases: Array<{ list: ListExportId; scope: Scope; query?: Record<string, string>; expected: () => Promise<string[][]> }> = [
      {
        list: "assignments",
        scope: w.auditor.scope,
        expected: async () =>
          expectedCsv(
            Object.values(assignmentColumns(today)),
            (await listAssignments({ scope: w.auditor.scope, query: { pageSize: 100 } })).rows,
          ),
      },
      {
        list: "blanks",
        scope: w.moA1.scope,
        expected: async () =>
          expectedCsv(Object.values(BLANK_COLUMNS), (await listBlanks({ scope: w.moA1.scope, query: { pageSize: 100 } })).rows),
      },
      {
        list: "campaigns",
        scope: w.auditor.scope,
        expected: async () =>
          expectedCsv(Object.values(CAMPAIGN_COLUMNS), (await listCampaigns({ scope: w.auditor.scope, query: { pageSize: 100 } })).rows),
      },
      {
        list: "events",
        scope: w.moA1.scope,
        expected: async () =>
          expectedCsv(Object.values(EVENT_COLUMNS), (await listEvents({ scope: w.moA1.scope, query: { pageSize: 100 } })).rows),
      },
      {
        list: "findings",
        scope: w.auditor.scope,
        query: { sort: "participant", dir: "desc" },
        expected: async () =>
          expectedCsv(
            Object.values(FINDING_COLUMNS),
            (await listFindings({ scope: w.auditor.scope, query: { sort: "participant", dir: "desc", pageSize: 100 } })).rows,
          ),
      },
      {
        list: "municipalities",
        scope: w.auditor.scope,
        expected: async () =>
          expectedCsv(
            Object.values(MUNICIPALITY_COLUMNS),
            (await listMunicipalities({ scope: w.auditor.scope, query: { pageSize: 100 } })).rows,
          ),
      },
      {
        list: "users",
        scope: adminA,
        expected: async () => expectedCsv(Object.values(USER_COLUMNS), (await listUsers({ scope: adminA, query: { pageSize: 100 } })).rows),
      },
      // The ДОТ lists default to the current school year, as their pages do.
      {
        list: "school-students",
        scope: w.schoolA1.scope,
        expected: async () =>
          expectedCsv(
            Object.values(STUDENT_COLUMNS),
            (await listStudents({ scope: w.schoolA1.scope, query: { schoolYear: year, pageSize: 100 } })).rows,
          ),
      },
      {
        list: "region-students",
        scope: w.auditor.scope,
        expected: async () =>
          expectedCsv(
            Object.values(STUDENT_COLUMNS),
            (await listStudents({ scope: w.auditor.scope, query: { schoolYear: year, pageSize: 100 } })).rows,
          ),
      },
      {
        list: "teachers",
        scope: w.schoolA1.scope,
        expected: async () =>
          expectedCsv(
            Object.values(TEACHER_COLUMNS),
            (await listTeachers({ scope: w.schoolA1.scope, query: { schoolYear: year, pageSize: 100 } })).rows,
          ),
      },
      {
        list: "student-counts",
        scope: w.auditor.scope,
        expected: async () =>
          expectedCsv(areaCountColumns("municipality"), (await countStudentsByArea({ scope: w.auditor.scope, schoolYear: year })).rows),
      },
      {
        list: "student-counts",
        scope: w.moA1.scope,
        expected: async () =>
          expectedCsv(areaCountColumns("school"), (await countStudentsByArea({ scope: w.moA1.scope, schoolYear: year })).rows),
      },
    ];
    for (const { list, scope, query = {}, expected } of cases) {
      const records = await csvRecords((await exportList({ scope, list, query, format: "csv", batchSize: 2 })).stream);
      expect(records, list).toEqual(await expected());
      expect(records.length, list).toBeGreaterThan(1);
    }
  });

  it("students: the names of this year's records only, never the school's name the screen does not show", async () => {
    const records = await csvRecords(
      (await exportList({ scope: w.schoolA1.scope, list: "school-students", query: { sort: "fullName" }, format: "csv" })).stream,
    );
    expect(records).toEqual([
      ["ФИО", "Класс", "Дата рождения", "Статус", "ИУП"],
      ["=Смирнов", "5Б", "", "выпускник · СПО", "нет"],
      ["Петров Пётр", "9А", "05.04.2010", "обучается", "нет"],
    ]);
    const lastYear = await csvRecords(
      (await exportList({ scope: w.schoolA1.scope, list: "school-students", query: { schoolYear: "2019/2020" }, format: "csv" })).stream,
    );
    expect(lastYear.slice(1).map((r) => r[0])).toEqual(["Прошлогодний"]);
  });

  it("refuses an unknown list, another role's list and an unknown format", async () => {
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => "OK",
        (e: unknown) => (e instanceof AppError ? e.code : e instanceof ZodError ? "VALIDATION" : String(e)),
      );
    expect(await code(exportList({ scope: adminA, list: "passwords", query: {} }))).toBe("NOT_FOUND");
    // Personal data: the region admin sees counts only, the auditor not the school's page, the school not the region's.
    expect(await code(exportList({ scope: adminA, list: "region-students", query: {} }))).toBe("FORBIDDEN");
    expect(await code(exportList({ scope: w.auditor.scope, list: "school-students", query: {} }))).toBe("FORBIDDEN");
    expect(await code(exportList({ scope: w.schoolA1.scope, list: "region-students", query: {} }))).toBe("FORBIDDEN");
    expect(await code(exportList({ scope: w.moA1.scope, list: "users", query: {} }))).toBe("FORBIDDEN");
    expect(await code(exportList({ scope: adminA, list: "documents", query: {}, format: "pdf" }))).toBe("VALIDATION");
  });
});

describe("the API", () => {
  const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
  const get = (list: string, query = "") =>
    exportRoute(new Request(`http://localhost/api/exports/${list}${query}`), { params: Promise.resolve({ list }) });

  it("streams the file with the download headers", async () => {
    as(w.auditor.scope);
    const response = await get("documents", `?format=csv&type=${encodeURIComponent("положение")}&page=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toBe(contentDisposition(decodeURIComponent(disposition.split("UTF-8''")[1]!)));
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^Реестр документов \d{4}-\d{2}-\d{2}\.csv$/u);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const records = await csvRecords(response.body!);
    expect(records.slice(1).map((r) => r[3])).toEqual(["О сети, положение"]);

    const xlsx = await get("plans");
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await xlsxCells(xlsx.body!, 1)).map((row) => row[0]!.value)).toContain("План методической работы A1");
  });

  it("plan events as XLSX: a known plan's events cell by cell, with the page's filters and sort; a foreign user gets no rows", async () => {
    as(w.auditor.scope);
    const filters = `municipalityId=${w.t.a1.id}&kind=METHODICAL_PLAN&sort=dueDate`;
    // The page's own paging does not limit the file.
    const response = await get("events", `?format=xlsx&${filters}&page=2&pageSize=5`);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition")!.split("UTF-8''")[1]!)).toMatch(
      /^Мероприятия планов \d{4}-\d{2}-\d{2}\.xlsx$/u,
    );
    const columns = Object.values(EVENT_COLUMNS);
    const cells = await xlsxCells(response.body!, columns.length);
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const plan = ["Муниципалитет A1", "План методической работы A1", "План методической работы", null];
    expect(cells.map((row) => row.map((cell) => cell.value))).toEqual([
      [
        "Владелец",
        "План",
        "Вид плана",
        "Раздел",
        "№",
        "Мероприятие",
        "Описание",
        "Сроки",
        "Последний день",
        "Ответственный",
        "Статус",
        "Дата проведения",
      ],
      [...plan, "3", "Анкетирование педагогов", null, "Сентябрь 2025 года", date("2025-09-30"), null, "Проведено", date("2025-09-20")],
      [
        ...plan,
        "1.1",
        "Семинар для заместителей директоров",
        "=СУММ(A1:A2)",
        "До 1 октября 2025 года",
        date("2025-10-01"),
        "Иванова И.И.",
        "Просрочено",
        null,
      ],
      [...plan, "2", "Круглый стол", null, "по согласованию", null, null, "Запланировано", null],
    ]);
    // The same rows as the page shows; dates as Excel dates, the formula-like description as text.
    const page = await listEvents({ scope: w.auditor.scope, query: Object.fromEntries(new URLSearchParams(filters)) });
    expect(cells.slice(1).map((row) => row.map((cell) => cell.value))).toEqual(
      page.rows.map((row) => columns.map((c) => xlsxValue(c, c.value(row)))),
    );
    expect(cells[1]![8]!.type).toBe(ExcelJS.ValueType.Date);
    expect(cells[2]![6]!.type).toBe(ExcelJS.ValueType.String);

    as(w.adminB.scope);
    for (const query of [`?format=xlsx&${filters}`, "?format=xlsx"]) {
      const foreign = await xlsxCells((await get("events", query)).body!, columns.length);
      expect(foreign.map((row) => row[0]!.value)).toEqual(["Владелец"]);
    }
  });

  it("answers 401 without a session, 404 for an unknown list, 403 for another role's list, 422 for an unknown format", async () => {
    as(null);
    expect((await get("documents")).status).toBe(401);
    as(w.schoolA1.scope);
    expect((await get("nothing-here")).status).toBe(404);
    expect((await get("users")).status).toBe(403);
    expect((await get("region-students")).status).toBe(403);
    expect((await get("documents", "?format=docx")).status).toBe(422);
  });
});
