import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute, POST as importRoute } from "@/app/api/municipalities/[id]/schools/route";
import { schoolsExport, schoolsImport } from "@/lib/cli/school-commands";
import type { Scope } from "@/lib/scope";
import { KALTAN_SCHOOLS } from "@/lib/seed-data/regions";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { exportSchools } from "@/lib/server/directory/export-schools";
import { importSchools } from "@/lib/server/directory/import-schools";
import { ensureMunicipality, ensureOrganization } from "@/lib/server/seed/factories";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { refusal as failure } from "../support/refusals";
import { csvOf, xlsxOf } from "../support/spreadsheets";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

const NAME = "Наименование общеобразовательной организации";
const ADDRESS = "Юридический адрес";
const HEAD = "ФИО руководителя";
const PHONE = "Контактный телефон";
const KALTAN_NAME = "Калтанский городской округ";

/** Seed 001's table as someone pasted it into Excel: the same header, the same cells. */
const SEED_001_ROWS: (string | number)[][] = [
  ["№", NAME, ADDRESS, HEAD, "Контактный телефон Код 8 (384-72)"],
  [
    1,
    'МБОУ "Средняя общеобразовательная школа № 1"',
    "652740, РФ, Кемеровская область, г. Калтан старший корпус: ул. Калинина, 38 младший корпус: ул. Калинина, 40",
    "Петухова Лариса Анатольевна",
    "3-18-39",
  ],
  [
    2,
    'МБОУ "Средняя общеобразовательная школа № 30 имени Н. Н. Колокольцова"',
    "корпус № 1: 652831, РФ, Кемеровская область, г. Калтан, п. Малиновка, ул. 60 лет Октября, 19 корпус № 2: 652825, РФ, Кемеровская область, г. Калтан, с. Сарбала, ул. Советская, 11 а",
    "Лехтина Лариса Петровна",
    "3-42-40",
  ],
  [
    3,
    'МБОУ "Основная общеобразовательная школа № 15"',
    "652809, РФ, Кемеровская область, г. Калтан, ул. Дзержинского, 3",
    "Белоногова Наталья Александровна",
    "3-08-66",
  ],
  [
    4,
    'МБОУ "Основная общеобразовательная школа № 18"',
    "652740, РФ, Кемеровская область, г. Калтан, переулок Советский, 9 а",
    "Луговенко Екатерина Андреевна",
    "3-05-77",
  ],
  [
    5,
    'МБОУ "Основная общеобразовательная школа № 29"',
    "652809, РФ, Кемеровская область, г. Калтан, ул. Спортивная, 16",
    "Конурина Ольга Николаевна",
    "3-48-02",
  ],
];

const HEADER = ["№", NAME, ADDRESS, HEAD, PHONE];

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let kaltan: { id: string };
let adminA: Scope;
let auditorA: Scope;
let coordinator: Scope;
let otherCoordinator: Scope;
let schoolCoordinator: Scope;
let adminB: Scope;

beforeAll(async () => {
  t = await buildTwoTenants("sci");
  kaltan = await ensureMunicipality(db(), { regionId: t.regionA.id, name: KALTAN_NAME, aliases: ["Калтанский ГО"] });
  await ensureOrganization(db(), {
    regionId: t.regionA.id,
    municipalityId: kaltan.id,
    kind: "EDUCATION_AUTHORITY",
    name: "МКУ Управление образования",
  });
  adminA = (await userWithRole("admin@sci-a.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  auditorA = (await userWithRole("auditor@sci-a.test", "REGION_AUDITOR", { regionId: t.regionA.id })).scope;
  coordinator = (await userWithRole("mo@sci-kaltan.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: kaltan.id }))
    .scope;
  otherCoordinator = (await userWithRole("mo@sci-a2.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a2.id }))
    .scope;
  schoolCoordinator = (
    await userWithRole("school@sci-kaltan.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
  adminB = (await userWithRole("admin@sci-b.test", "REGION_ADMIN", { regionId: t.regionB.id })).scope;
});

/** The municipality's schools as its page and the export show them. */
const schoolsOf = (municipalityId: string) =>
  db().organization.findMany({
    where: { municipalityId, kind: "SCHOOL" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      headName: true,
      phone: true,
      addresses: { orderBy: { position: "asc" }, select: { label: true, address: true } },
    },
  });

const withoutIds = (schools: Awaited<ReturnType<typeof schoolsOf>>) => schools.map(({ id: _id, ...rest }) => rest);

const KALTAN_AS_STORED = [...KALTAN_SCHOOLS]
  .map((s) => ({ name: s.name, headName: s.headName, phone: s.phone, addresses: s.addresses.map((a) => ({ ...a })) }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

describe("importing seed 001's table", () => {
  it("previews the five schools as new on a dry run, and writes nothing", async () => {
    const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: await xlsxOf(SEED_001_ROWS), dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 5, updated: 0, unchanged: 0, errors: [] });
    expect(result.rows).toEqual(KALTAN_SCHOOLS.map((s, i) => ({ row: i + 2, name: s.name, action: "create" })));
    expect(await schoolsOf(kaltan.id)).toEqual([]);
  });

  it("creates the five Kaltan schools with the buildings, heads and phones of the demo data", async () => {
    const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: await xlsxOf(SEED_001_ROWS) });
    expect(result).toMatchObject({ dryRun: false, created: 5, updated: 0, unchanged: 0, errors: [] });
    expect(withoutIds(await schoolsOf(kaltan.id))).toEqual(KALTAN_AS_STORED);
    const kinds = await db().organization.groupBy({ by: ["kind"], where: { municipalityId: kaltan.id }, _count: true });
    expect(kinds.map((k) => [k.kind, k._count]).sort()).toEqual([
      ["EDUCATION_AUTHORITY", 1],
      ["SCHOOL", 5],
    ]);
  });
});

describe("a broken file", () => {
  it("is refused with each error by its row and column, and nothing is imported", async () => {
    const before = await schoolsOf(kaltan.id);
    const file = csvOf([
      HEADER,
      ["1", "МБОУ СОШ № 100", "г. Калтан, ул. Новая, 1", "Новикова Нина Ивановна", "3-00-01"],
      ["2", "", "г. Калтан, ул. Новая, 2", "Без Названия", "3-00-02"],
      [
        "3",
        'МБОУ "Основная общеобразовательная школа № 15"',
        "652809, РФ, Кемеровская область, г. Калтан, ул. Дзержинского, 3",
        "Другой Руководитель",
        "3-08-66",
      ],
      ["4", "МБОУ СОШ № 101", "г. Калтан, ул. Новая, 4", "", "спросить у секретаря"],
      ["5", "мбоу сош №100", "г. Калтан, ул. Новая, 5", "", ""],
    ]);
    const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: file });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0, rows: [] });
    expect(result.errors).toEqual([
      { row: 3, column: NAME, message: "Укажите наименование организации." },
      {
        row: 5,
        column: PHONE,
        message:
          "«спросить у секретаря» не похоже на номер телефона: допустимы цифры, пробелы, «+», «-» и скобки (например, 8 (384-72) 3-18-39).",
      },
      { row: 6, column: NAME, message: "Организация «мбоу сош №100» уже есть в строке 2: одна организация — одна строка." },
    ]);
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });

  it("is refused when a row names an organisation that is not a school", async () => {
    const before = await schoolsOf(kaltan.id);
    const file = csvOf([HEADER, ["1", "МКУ  управление образования", "", "", ""], ["2", "МБОУ СОШ № 100", "", "", ""]]);
    const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: file });
    expect(result.errors).toEqual([
      { row: 2, column: NAME, message: expect.stringContaining("орган управления образованием «МКУ Управление образования»") },
    ]);
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });
});

describe("importing again", () => {
  it("updates the school with the same name, whatever its case, quotes and spaces, instead of adding another", async () => {
    const before = await schoolsOf(kaltan.id);
    const rows = SEED_001_ROWS.map((row) => row.map(String));
    rows[3] = ["3", "мбоу «Основная общеобразовательная   школа № 15»", rows[3]![2]!, "Сергеева Анна Викторовна", "3-08-67"];
    rows[1]![4] = "8 (384-72) 3-18-40";
    rows.push(["6", "МБОУ СОШ № 100", "г. Калтан, ул. Новая, 1", "", ""]);
    const result = await importSchools({ scope: adminA, municipalityId: kaltan.id, bytes: csvOf(rows) });
    expect(result).toMatchObject({ created: 1, updated: 2, unchanged: 3, errors: [] });
    expect(result.rows.filter((r) => r.action === "update")).toEqual([
      {
        row: 2,
        name: 'МБОУ "Средняя общеобразовательная школа № 1"',
        action: "update",
        previousName: 'МБОУ "Средняя общеобразовательная школа № 1"',
        changes: ["phone"],
      },
      {
        row: 4,
        name: "мбоу «Основная общеобразовательная школа № 15»",
        action: "update",
        previousName: 'МБОУ "Основная общеобразовательная школа № 15"',
        changes: ["name", "headName", "phone"],
      },
    ]);

    const after = await schoolsOf(kaltan.id);
    expect(after).toHaveLength(6);
    const school15 = after.find((s) => s.id === before.find((b) => b.name.includes("№ 15"))!.id)!;
    expect(school15).toMatchObject({
      name: "мбоу «Основная общеобразовательная школа № 15»",
      headName: "Сергеева Анна Викторовна",
      phone: "3-08-67",
      addresses: [{ label: null, address: "652809, РФ, Кемеровская область, г. Калтан, ул. Дзержинского, 3" }],
    });
    const school1 = after.find((s) => s.name === 'МБОУ "Средняя общеобразовательная школа № 1"')!;
    expect(school1.phone).toBe("8 (384-72) 3-18-40");
    expect(school1.addresses).toEqual(KALTAN_SCHOOLS[0].addresses);
    expect(after.find((s) => s.name === "МБОУ СОШ № 100")).toMatchObject({ headName: null, phone: null });
  });
});

describe("export", () => {
  it.each(["xlsx", "csv"] as const)("%s imports back without changing anything", async (format) => {
    const before = await schoolsOf(kaltan.id);
    const file = await exportSchools({ scope: auditorA, municipalityId: kaltan.id, format });
    expect(file.count).toBe(before.length);
    expect(file.fileName).toBe(`Организации — ${KALTAN_NAME}.${format}`);
    const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: file.bytes });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: before.length, errors: [] });
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });

  it("writes CSV with a byte order mark and ';', in seed 001's columns, schools only", async () => {
    const file = await exportSchools({ scope: coordinator, municipalityId: kaltan.id, format: "csv" });
    expect(file.mimeType).toBe("text/csv; charset=utf-8");
    const text = file.bytes.toString("utf8");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(`\uFEFF№;${NAME};${ADDRESS};${HEAD};${PHONE}`);
    expect(text).toContain(
      ';"старший корпус: 652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 38; младший корпус: 652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 40";Петухова Лариса Анатольевна;8 (384-72) 3-18-40',
    );
    expect(text).not.toContain("Управление образования");
  });
});

describe("formula-like cells", () => {
  const FORMULA = '=HYPERLINK("http://x")';

  it("are stored as the text typed, from CSV and from a formula in XLSX", async () => {
    const csv = csvOf([HEADER, ["1", "МБОУ СОШ № 200", "г. Калтан, ул. Новая, 200", FORMULA, "+7 (384-72) 3-00-00"]]);
    expect(await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: csv })).toMatchObject({ created: 1, errors: [] });
    const xlsx = await xlsxOf([HEADER, [1, "МБОУ СОШ № 201", "", { formula: 'HYPERLINK("http://x")', result: "http://x" }, ""]]);
    expect(await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: xlsx })).toMatchObject({ created: 1, errors: [] });
    const stored = (await schoolsOf(kaltan.id)).filter((s) => s.name.startsWith("МБОУ СОШ № 20"));
    expect(stored.map((s) => [s.name, s.headName, s.phone])).toEqual([
      ["МБОУ СОШ № 200", FORMULA, "+7 (384-72) 3-00-00"],
      ["МБОУ СОШ № 201", FORMULA, null],
    ]);
  });

  it("are neutralised on export: an apostrophe in CSV, a text cell in XLSX; and import back unchanged", async () => {
    const before = await schoolsOf(kaltan.id);
    const csv = await exportSchools({ scope: adminA, municipalityId: kaltan.id, format: "csv" });
    const line = csv.bytes
      .toString("utf8")
      .split("\r\n")
      .find((l) => l.includes("МБОУ СОШ № 200"));
    expect(line).toMatch(/;"'=HYPERLINK\(""http:\/\/x""\)";'\+7 \(384-72\) 3-00-00$/u);

    const xlsx = await exportSchools({ scope: adminA, municipalityId: kaltan.id, format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).text === "МБОУ СОШ № 200")!;
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe(FORMULA);

    for (const file of [csv, xlsx]) {
      const result = await importSchools({ scope: coordinator, municipalityId: kaltan.id, bytes: file.bytes });
      expect(result).toMatchObject({ created: 0, updated: 0, errors: [] });
    }
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });
});

describe("who may import and export", () => {
  it("another municipality's coordinator and region B's admin get NOT_FOUND, and nothing changes", async () => {
    const before = await schoolsOf(kaltan.id);
    const file = csvOf([HEADER, ["1", "МБОУ СОШ № 300", "", "", ""]]);
    for (const scope of [otherCoordinator, adminB, schoolCoordinator]) {
      expect((await failure(importSchools({ scope, municipalityId: kaltan.id, bytes: file }))).code).toBe("NOT_FOUND");
      expect((await failure(importSchools({ scope, municipalityId: kaltan.id, bytes: file, dryRun: true }))).code).toBe("NOT_FOUND");
      expect((await failure(exportSchools({ scope, municipalityId: kaltan.id, format: "xlsx" }))).code).toBe("NOT_FOUND");
    }
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });
});

describe("the API", () => {
  const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const post = (id: string, bytes: Buffer, query = "") => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], "школы.csv", { type: "text/csv" }));
    return importRoute(
      new Request(`http://localhost/api/municipalities/${id}/schools${query}`, { method: "POST", body: form }),
      params(id),
    );
  };
  const get = (id: string, query = "") => exportRoute(new Request(`http://localhost/api/municipalities/${id}/schools${query}`), params(id));

  it("previews with ?dryRun=1, then imports; a file with errors answers 422 with them", async () => {
    as(coordinator);
    const file = csvOf([HEADER, ["1", "МБОУ СОШ № 400", "корпус № 1: ул. Новая, 4; корпус № 2: ул. Новая, 5", "", "3-04-00"]]);
    const preview = await post(kaltan.id, file, "?dryRun=1");
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, created: 1, rows: [{ row: 2, name: "МБОУ СОШ № 400", action: "create" }] });
    expect((await schoolsOf(kaltan.id)).some((s) => s.name === "МБОУ СОШ № 400")).toBe(false);

    const imported = await post(kaltan.id, file);
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ dryRun: false, created: 1, updated: 0 });
    expect((await schoolsOf(kaltan.id)).find((s) => s.name === "МБОУ СОШ № 400")?.addresses).toEqual([
      { label: "корпус № 1", address: "ул. Новая, 4" },
      { label: "корпус № 2", address: "ул. Новая, 5" },
    ]);

    const broken = await post(kaltan.id, csvOf([HEADER, ["1", "", "ул. Новая, 6", "", ""]]));
    expect(broken.status).toBe(422);
    expect(await broken.json()).toMatchObject({
      created: 0,
      errors: [{ row: 2, column: NAME, message: "Укажите наименование организации." }],
    });
  });

  it("downloads XLSX or CSV with a Cyrillic file name", async () => {
    as(auditorA);
    const xlsx = await get(kaltan.id);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const csv = await get(kaltan.id, "?format=csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`Организации — ${KALTAN_NAME}.csv`)}`);
    expect(new TextDecoder().decode(await csv.arrayBuffer())).toContain("МБОУ СОШ № 400");
    expect((await get(kaltan.id, "?format=pdf")).status).toBe(422);
  });

  it("answers 404 to another tenant, 403 to a school coordinator, 401 without a session", async () => {
    const file = csvOf([HEADER, ["1", "МБОУ СОШ № 500", "", "", ""]]);
    as(adminB);
    expect((await post(kaltan.id, file)).status).toBe(404);
    expect((await get(kaltan.id)).status).toBe(404);
    as(otherCoordinator);
    expect((await post(kaltan.id, file, "?dryRun=1")).status).toBe(404);
    as(adminA);
    expect((await get("not-an-id")).status).toBe(404);
    as(schoolCoordinator);
    expect((await post(kaltan.id, file)).status).toBe(403);
    as(null);
    expect((await get(kaltan.id)).status).toBe(401);
    expect((await schoolsOf(kaltan.id)).some((s) => s.name === "МБОУ СОШ № 500")).toBe(false);
  });
});

describe("command line functions", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "schools-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const municipalityArg = () => `${t.regionA.code}/${KALTAN_NAME}`;

  it("schools export writes the file and schools import of it changes nothing", async () => {
    const before = await schoolsOf(kaltan.id);
    for (const format of ["xlsx", "csv"]) {
      const out = path.join(dir, `schools.${format}`);
      const exported = await schoolsExport(["--municipality", municipalityArg(), "--format", format, "--out", out]);
      expect(exported).toEqual({ written: out, municipality: KALTAN_NAME, schools: before.length });
      // The other spelling of the municipality finds it too.
      const imported = await schoolsImport([out, "--municipality", `${t.regionA.code}/Калтанский ГО`]);
      expect(imported).toMatchObject({ municipality: KALTAN_NAME, created: 0, updated: 0, unchanged: before.length });
    }
    expect(readFileSync(path.join(dir, "schools.csv")).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });

  it("schools import --dry-run writes nothing; a broken file fails with every error by row and column", async () => {
    const before = await schoolsOf(kaltan.id);
    const good = path.join(dir, "new.csv");
    writeFileSync(good, csvOf([HEADER, ["1", "МБОУ СОШ № 600", "", "", ""]]));
    expect(await schoolsImport([good, "--municipality", municipalityArg(), "--dry-run"])).toMatchObject({ dryRun: true, created: 1 });
    const broken = path.join(dir, "broken.csv");
    writeFileSync(broken, csvOf([HEADER, ["1", "МБОУ СОШ № 600", "", "", ""], ["2", "", "", "", "abc"]]));
    const error = await failure(schoolsImport([broken, "--municipality", municipalityArg()]));
    expect(error.message).toBe(`«${broken}»: ошибок — 2, ничего не импортировано.`);
    expect(Object.keys(error.fieldErrors)).toEqual([`строка 3, «${NAME}»`, `строка 3, «${PHONE}»`]);
    expect(await schoolsOf(kaltan.id)).toEqual(before);
  });

  it("names a municipality, format or file it cannot find", async () => {
    const out = path.join(dir, "x.xlsx");
    expect(
      (await failure(schoolsExport(["--municipality", `${t.regionA.code}/Нет такого`, "--format", "xlsx", "--out", out]))).message,
    ).toContain("no municipality");
    expect((await failure(schoolsExport(["--municipality", municipalityArg(), "--format", "pdf", "--out", out]))).message).toContain(
      "xlsx or csv",
    );
    expect((await failure(schoolsImport([path.join(dir, "missing.csv"), "--municipality", municipalityArg()]))).message).toContain(
      "такого файла нет",
    );
  });
});
