import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureRegion } from "@/lib/server/seed/factories";
import { runCli } from "../support/cli";
import { useTestDatabase } from "../support/test-database";

const databaseUrl = useTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "roadmap-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl() });

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  await ensureMunicipality(db(), { regionId: region.id, name: "город Краснодар", aliases: ["Краснодар"] });
});

/** What the import prints for seed 002: its counts, and how it read the file and which lines it left out (the signatures). */
const seedSummary = (imported: number, updated: number) => ({
  imported,
  updated,
  errors: [],
  notices: expect.arrayContaining([
    { kind: "encoding", row: null, message: "Кодировка: UTF-8" },
    { kind: "left-out", row: expect.any(Number), message: "«О.А.Саркисян» — не импортировано: подпись/примечание под таблицей" },
  ]),
});

describe("roadmap import and roadmap export", () => {
  it("a dry run prints the counts and writes nothing; the import prints { imported, updated, errors, notices }", async () => {
    const dry = cli("roadmap", "import", ROADMAP_002_PATH, "--dry-run");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual(seedSummary(15, 0));
    expect(await db().planEvent.count()).toBe(0);

    const first = cli("roadmap", "import", ROADMAP_002_PATH);
    expect(JSON.parse(first.stdout)).toEqual(seedSummary(15, 0));
    const again = cli("roadmap", "import", ROADMAP_002_PATH);
    expect(JSON.parse(again.stdout)).toEqual(seedSummary(0, 15));
    expect(await db().planEvent.count()).toBe(15);
  });

  it("a broken file exits 1 with its errors by row and column, and nothing is imported", async () => {
    const broken = path.join(dir, "broken.md");
    writeFileSync(broken, readFileSync(ROADMAP_002_PATH, "utf8").replace("| 22 сентября 2020 года |", "|  |"));
    const before = await db().planEvent.findMany({ select: { id: true, updatedAt: true } });
    const result = cli("roadmap", "import", broken);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 0,
      updated: 0,
      errors: [{ row: 8, column: "Дата проведения мероприятия", message: expect.stringMatching(/^Укажите/) }],
      notices: expect.any(Array),
    });
    expect(result.stderr).toMatch(/ничего не импортировано/);
    expect(await db().planEvent.findMany({ select: { id: true, updatedAt: true } })).toEqual(before);
  });

  it("the export in seed 002's columns imports back to the same events", async () => {
    const plan = await db().plan.findFirstOrThrow();
    const out = path.join(dir, "roadmap.xlsx");
    const exported = cli("roadmap", "export", plan.id, "--format", "xlsx", "--out", out);
    expect(exported.code).toBe(0);
    expect(JSON.parse(cli("roadmap", "import", out).stdout)).toEqual({
      imported: 0,
      updated: 15,
      errors: [],
      notices: [
        { kind: "sheet", row: null, message: "Лист: Дорожная карта" },
        { kind: "explanation", row: 3, message: expect.stringMatching(/не импортировано: пояснение под строкой заголовков$/u) },
      ],
    });
  });

  it("seed 002 as a Word table (DOCX) imports to the same events, saying which table it read", async () => {
    const before = await db().planEvent.findMany({ orderBy: { title: "asc" }, omit: { updatedAt: true } });
    const result = cli("roadmap", "import", path.resolve("tests/fixtures/docx/roadmap-002.docx"));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 0,
      updated: 15,
      errors: [],
      notices: expect.arrayContaining([
        { kind: "sheet", row: null, message: "Документ Word: Таблица 1" },
        { kind: "left-out", row: 19, message: "«О.А.Саркисян» — не импортировано: подпись/примечание под таблицей" },
      ]),
    });
    expect(await db().planEvent.findMany({ orderBy: { title: "asc" }, omit: { updatedAt: true } })).toEqual(before);
  });

  it("refuses a macro-enabled Word file, exiting 1 with the reason", async () => {
    const result = cli("roadmap", "import", path.resolve("tests/fixtures/docx/macros.docm"));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).errors).toEqual([
      { row: null, column: null, message: "Файл с макросами (.docm) не принимается: сохраните документ как .docx без макросов." },
    ]);
  });

  it("the old spellings import-roadmap and export-roadmap run the same commands", async () => {
    expect(JSON.parse(cli("import-roadmap", ROADMAP_002_PATH, "--dry-run").stdout)).toEqual(seedSummary(0, 15));
    expect(cli("import-roadmap").stderr).toBe(cli("roadmap", "import").stderr);
    const plan = await db().plan.findFirstOrThrow();
    const [byName, byAlias] = [path.join(dir, "by-name.csv"), path.join(dir, "by-alias.csv")];
    expect(cli("roadmap", "export", plan.id, "--format", "csv", "--out", byName).code).toBe(0);
    expect(cli("export-roadmap", plan.id, "--format", "csv", "--out", byAlias).code).toBe(0);
    expect(readFileSync(byAlias)).toEqual(readFileSync(byName));
  });

  it("parse-date prints the reading of a timing phrase", () => {
    const result = cli("parse-date", "В течение учебного года", "--school-year", "2020/2021");
    expect(JSON.parse(result.stdout)).toEqual({ kind: "period", start: "2020-09-01", end: "2021-08-31", text: "В течение учебного года" });
    expect(JSON.parse(cli("parse-date", "по согласованию").stdout)).toMatchObject({ kind: "unknown", start: null, end: null });
  });
});
