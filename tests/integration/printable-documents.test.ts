import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as blankFormGet } from "@/app/api/blanks/[id]/form/route";
import { GET as reportGet } from "@/app/api/reports/[kind]/[id]/route";
import { GET as templateFormGet } from "@/app/api/templates/[templateId]/form/route";
import type { Scope } from "@/lib/scope";
import { MUNICIPAL_BLANK_KEY, SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { buildReport } from "@/lib/server/reports/build-report";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { buildBlankForm } from "@/lib/server/templates/build-blank-form";
import { runCli } from "../support/cli";
import { officeToPdf } from "../support/office";
import { useTestDatabase } from "../support/test-database";

const databaseUrl = useTestDatabase();

const dir = mkdtempSync(path.join(os.tmpdir(), "metodaudit-printable-"));
vi.stubEnv("STORAGE_DIR", path.join(dir, "files"));
afterAll(() => rm(dir, { recursive: true, force: true }));

// The routes run as whoever `caller` is; everything below the session is real.
let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));

const scopeOf = async (email: string): Promise<Scope> => {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadScope(user.id))!;
};

/**
 * A PDF's text as laid out on the page (`pdftotext -layout`: the rows in order,
 * a wrapped cell's lines apart) and as flowing text (a wrapped cell's lines one after another, white space squeezed).
 */
function pdfText(bytes: Uint8Array | Buffer): { layout: string; flow: string } {
  const file = path.join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return {
    layout: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
    flow: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " "),
  };
}

/** Each needle found after the previous one. */
function expectInOrder(text: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `«${needle}» after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** The municipal blank's rows as seed 000 prints them, «1.1.1» twice. */
const MUNICIPAL_ROWS = [
  "1.",
  "Нормативная документация МО",
  "1.1",
  "Приказы (иной документ, указать) МО",
  "МОНМТ КК",
  "1.1.1",
  "-об организации работы БШ",
  "1.1.1",
  "- о назначении",
  "1.2",
  "Планирование работы по направлению:",
  "1.2.1",
  "План работы",
  "1.2.2",
  "Отчет о выполнении",
  "Критерий",
  "Наличие/ численность",
  "2.1",
  "Количество базовых",
  "2.2",
  "База данных кандидатов",
  "ежегодное обновление",
  "2.3.2",
  "Обучающиеся ДОТ",
  "(подпись)",
];

let templateId: string;
let slavyanskyBlankId: string;
let schoolBlankId: string;
let methodicalPlanId: string;
let programmeId: string;
let auditor: Scope;
let school: Scope;
let municipal: Scope;
let kemerovoAdmin: Scope;

beforeAll(async () => {
  await seedDemo({ db: db() });
  const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
  templateId = (await db().template.findFirstOrThrow({ where: { regionId: krasnodar.id, key: MUNICIPAL_BLANK_KEY } })).id;
  const campaign = await db().campaign.findFirstOrThrow({ where: { regionId: krasnodar.id, name: SEED_CAMPAIGN.name } });
  const blankOf = async (ofSchool: boolean) =>
    (
      await db().blank.findFirstOrThrow({
        where: { campaignId: campaign.id, municipality: { name: "Славянский район" }, organizationId: ofSchool ? { not: null } : null },
      })
    ).id;
  slavyanskyBlankId = await blankOf(false);
  schoolBlankId = await blankOf(true);
  methodicalPlanId = (await db().plan.findFirstOrThrow({ where: { regionId: krasnodar.id, kind: "METHODICAL_PLAN" } })).id;
  const kemerovo = await db().region.findUniqueOrThrow({ where: { code: "42" } });
  programmeId = (await db().plan.findFirstOrThrow({ where: { kind: "PROGRAMME", regionId: kemerovo.id } })).id;
  auditor = await scopeOf("auditor@demo.local");
  school = await scopeOf("school.slavyansky@demo.local");
  municipal = await scopeOf("mo.slavyansky@demo.local");
  kemerovoAdmin = await scopeOf("admin42@demo.local");
});

describe("the empty blank of a template version", () => {
  const get = (id: string, query = "format=pdf") =>
    templateFormGet(new Request(`http://test/api/templates/${id}/form?${query}`), { params: Promise.resolve({ templateId: id }) });

  it("downloads as a PDF with every row of the template in order and empty cells to fill", async () => {
    caller = auditor;
    const response = await get(templateId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toContain("Бланк — Бланк соответствия");
    const { layout } = pdfText(await bytesOf(response));
    expectInOrder(layout, ["БЛАНК СООТВЕТВИЯ", "муниципального координатора _____", "(наименование МО)", ...MUNICIPAL_ROWS]);
    expect(layout).not.toContain("соответствует");
  });

  it("is the region staff's: another region's admin gets 404, a coordinator is refused, an unknown version 404", async () => {
    caller = kemerovoAdmin;
    expect((await get(templateId)).status).toBe(404);
    caller = municipal;
    expect([403, 404]).toContain((await get(templateId)).status);
    caller = auditor;
    expect((await get(templateId, "format=pdf&version=99")).status).toBe(404);
    expect((await get(templateId, "format=odt")).status).toBe(422);
  });
});

describe("the empty blank of a participant's blank", () => {
  const get = (id: string) =>
    blankFormGet(new Request(`http://test/api/blanks/${id}/form?format=pdf`), { params: Promise.resolve({ id }) });

  it("downloads for the school's coordinator, who may not read templates", async () => {
    caller = school;
    const response = await get(schoolBlankId);
    expect(response.status).toBe(200);
    const { layout } = pdfText(await bytesOf(response));
    expectInOrder(layout, ["школьного координатора _____", "(наименование МО и БШ)", "1.", "Соглашения", "1.1", "1.2", "6"]);
  });

  it("is 404 for a blank the caller may not read", async () => {
    caller = school;
    expect((await get(slavyanskyBlankId)).status).toBe(404);
    caller = kemerovoAdmin;
    expect((await get(schoolBlankId)).status).toBe(404);
  });
});

describe("the filled blank (report kind «blank»)", () => {
  const get = (id: string) =>
    reportGet(new Request(`http://test/api/reports/blank/${id}`), { params: Promise.resolve({ kind: "blank", id }) });

  it("shows the participant's answers and the status to whoever may read the blank", async () => {
    caller = municipal;
    const response = await get(slavyanskyBlankId);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toContain("Бланк — Славянский район");
    const { layout, flow } = pdfText(await bytesOf(response));
    expectInOrder(layout, [
      "Участник: Славянский район",
      "Статус бланка:",
      "муниципального координатора Славянский район",
      ...MUNICIPAL_ROWS,
    ]);
    // The demo's answers give requisites as the seeds write them.
    expect(flow).toContain("Приказ Управления образования администрации муниципального образования Славянский район от");
    // Seed 000's audited municipalities: sent by their coordinator, accepted by the regional institute.
    expect(flow).toMatch(
      /Статус бланка: принят Отправлен на проверку: \d\d\.\d\d\.\d{4}, Координатор \(демо\) Принят: \d\d\.\d\d\.\d{4}, Приходько Марина Николаевна/,
    );
    expect(flow).toContain("соответствует");
  });

  it("is 404 for a foreign blank", async () => {
    caller = school;
    expect((await get(slavyanskyBlankId)).status).toBe(404);
    caller = kemerovoAdmin;
    expect((await get(slavyanskyBlankId)).status).toBe(404);
  });
});

describe("plans in their seeds' layouts", () => {
  it("lays a methodical work plan out in seed 004's columns, section by section, with its indicators", async () => {
    const report = await buildReport({ scope: auditor, kind: "roadmap", id: methodicalPlanId, today: "2021-06-01" });
    const { layout, flow } = pdfText(report.bytes);
    expect(flow).toContain("не менее 30 % от общего количества педагогов в год");
    expectInOrder(layout, [
      "Основные мероприятия методической работы",
      "Наименование мероприятия",
      "Ожидаемый результат",
      "Ответственный",
      "1. Мероприятия по повышению квалификации",
      "1.1",
      "Ежегодно август",
      "1.3",
      "2. Мероприятия, направленные на совершенствование",
      "2.10",
      "7. Мероприятия, направленные на информационное сопровождение",
      "7.4",
      "Целевые показатели",
      "Значение показателя",
      "не менее 30 %",
      "Методы сбора информации",
      "(подпись)",
    ]);
    expect(report.fileName).toMatch(/^План — Славянский район/);
  });

  it("lays a programme out in seed 001's columns, stage by stage", async () => {
    const report = await buildReport({ scope: kemerovoAdmin, kind: "roadmap", id: programmeId, today: "2014-01-15" });
    const { layout, flow } = pdfText(report.bytes);
    expect(flow).toContain("Назначить ответственного за реализацию направления в ОУ");
    expectInOrder(layout, [
      "Механизм реализации программы",
      "Задачи",
      "Сроки",
      "Продукт",
      "I этап",
      "Назначить ответственного",
      "до 30 сентября 2013 г.",
      "Приказ ОУ о назначении",
      "II этап",
      "III этап",
      "Определить перспективы",
    ]);
  });
});

describe("npm run cli", () => {
  it("template export --format pdf writes the empty blank; json still writes the template", () => {
    const out = path.join(dir, "cli-blank.pdf");
    const result = runCli(["template", "export", MUNICIPAL_BLANK_KEY, "--format", "pdf", "--out", out, "--region", "23"], {
      DATABASE_URL: databaseUrl(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ written: out, version: 1 });
    expectInOrder(pdfText(readFileSync(out)).layout, MUNICIPAL_ROWS);
    const json = path.join(dir, "cli-blank.json");
    expect(
      runCli(["template", "export", MUNICIPAL_BLANK_KEY, "--format", "json", "--out", json, "--region", "23"], {
        DATABASE_URL: databaseUrl(),
      }).code,
    ).toBe(0);
  });

  it("report blank writes the filled blank", () => {
    const out = path.join(dir, "cli-filled.pdf");
    const result = runCli(["report", "blank", "--id", schoolBlankId, "--out", out], { DATABASE_URL: databaseUrl() });
    expect(result.code, result.stderr).toBe(0);
    expect(pdfText(readFileSync(out)).flow).toContain("Участник: Славянский район, МБОУ СОШ № 1");
  });
});

describe("as Word documents, read back through LibreOffice", () => {
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  it("the empty blank: every row in order, the criteria part's header, the signature lines", async () => {
    caller = auditor;
    const response = await templateFormGet(new Request(`http://test/api/templates/${templateId}/form?format=docx`), {
      params: Promise.resolve({ templateId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(DOCX);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toMatch(/версия 1\.docx/);
    const office = officeToPdf(await bytesOf(response), "blank-form-municipal");
    expectInOrder(office.text, ["БЛАНК СООТВЕТВИЯ", "(наименование МО)", ...MUNICIPAL_ROWS]);
    expect(Number(office.info.Pages)).toBeLessThanOrEqual(3);
  });

  it("the empty blank of a participant's blank, for its school's coordinator", async () => {
    caller = school;
    const response = await blankFormGet(new Request(`http://test/api/blanks/${schoolBlankId}/form?format=docx`), {
      params: Promise.resolve({ id: schoolBlankId }),
    });
    expect(response.status).toBe(200);
    const office = officeToPdf(await bytesOf(response), "blank-form-school");
    expectInOrder(office.text, [
      "школьного координатора _____",
      "(наименование МО и БШ)",
      "Соглашения",
      "1.1",
      "1.2",
      "Дети-инвалиды",
      "5.2",
    ]);
  });

  it("the filled blank: the answers, the marks, who sent and accepted it", async () => {
    caller = municipal;
    const response = await reportGet(new Request(`http://test/api/reports/blank/${slavyanskyBlankId}?format=docx`), {
      params: Promise.resolve({ kind: "blank", id: slavyanskyBlankId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(DOCX);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toMatch(/Бланк — Славянский район — .*\.docx/);
    const office = officeToPdf(await bytesOf(response), "blank-filled-municipal");
    expectInOrder(office.text, ["Участник: Славянский район", "Статус бланка: принят", "Приходько Марина Николаевна", ...MUNICIPAL_ROWS]);
    expect(office.text.replace(/\s+/g, " ")).toContain("соответствует");
  });

  it("a methodical work plan in seed 004's columns, its header row repeated on the next pages", async () => {
    const report = await buildReport({ scope: auditor, kind: "roadmap", id: methodicalPlanId, format: "docx", today: "2021-06-01" });
    const office = officeToPdf(report.bytes, "plan-methodical");
    expectInOrder(office.text, [
      "Основные мероприятия методической работы",
      "1. Мероприятия по повышению",
      "1.1",
      "2.10",
      "7.4",
      "Целевые показатели",
    ]);
    expect(office.pages.length).toBeGreaterThan(1);
    for (const page of office.pages.slice(1, 3)) expect(page).toContain("Наименование мероприятия");
  });

  it("the CLI writes the empty blank as DOCX", () => {
    const out = path.join(dir, "cli-blank.docx");
    const result = runCli(["template", "export", MUNICIPAL_BLANK_KEY, "--format", "docx", "--out", out, "--region", "23"], {
      DATABASE_URL: databaseUrl(),
    });
    expect(result.code, result.stderr).toBe(0);
    expectInOrder(officeToPdf(readFileSync(out), "cli-blank-form").text, MUNICIPAL_ROWS);
  });

  it("is the same document as the PDF: built from one layout", async () => {
    const [pdf, docx] = await Promise.all(
      (["pdf", "docx"] as const).map((format) => buildBlankForm({ scope: auditor, which: { templateId }, format })),
    );
    expect(pdf!.fileName.replace(/\.pdf$/, "")).toBe(docx!.fileName.replace(/\.docx$/, ""));
  });
});
