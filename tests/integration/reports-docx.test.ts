import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/[kind]/[id]/route";
import { schoolYearOf } from "@/lib/domain/records/official-measures";
import type { ReportFormat, ReportKind } from "@/lib/domain/reports/report-kinds";
import type { Scope } from "@/lib/scope";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { KRASNODAR_REPORT_ISSUER } from "@/lib/seed-data/regions";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { buildReport } from "@/lib/server/reports/build-report";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { answerOf } from "./privacy-matrix/answer-text";
import { runCli } from "../support/cli";
import { officeToPdf, type OfficeRendering } from "../support/office";
import { expectInOrder, pdfText } from "../support/pdf-text";
import { useTestDatabase } from "../support/test-database";

/**
 * Every report's DOCX twin as an office suite shows it: LibreOffice converts
 * the DOCX that buildReport made, and its text must say what the PDF's says, in
 * the PDF's order, with the issuer's header and «Стр. N из M» on every page.
 */
const databaseUrl = useTestDatabase();

const dir = mkdtempSync(path.join(os.tmpdir(), "metodaudit-reports-docx-"));
vi.stubEnv("STORAGE_DIR", path.join(dir, "files"));
afterAll(() => rm(dir, { recursive: true, force: true }));

let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));

/** After the seed campaign's deadline, as the PDF tests date their reports. */
const TODAY = "2026-11-23";
const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const NAMES = ["Иванов Иван Иванович", "Петрова Мария Сергеевна"];

const scopeOf = async (email: string): Promise<Scope> => {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadScope(user.id))!;
};

/** The kinds proven here (a new kind brings its own DOCX test). */
type Kind = Extract<ReportKind, "audit" | "campaign" | "roadmap" | "records">;

const ids = {} as Record<Kind, string> & { pavlovskyBlank: string };
const scopes = {} as Record<"admin" | "auditor" | "municipal" | "school" | "kemerovoAdmin", Scope>;

beforeAll(async () => {
  await seedDemo({ db: db() });
  const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
  ids.campaign = (await db().campaign.findFirstOrThrow({ where: { regionId: krasnodar.id, name: SEED_CAMPAIGN.name } })).id;
  const blankOf = async (municipality: string) =>
    (await db().blank.findFirstOrThrow({ where: { campaignId: ids.campaign, municipality: { name: municipality }, organizationId: null } }))
      .id;
  ids.audit = await blankOf("Славянский район");
  ids.pavlovskyBlank = await blankOf("Павловский район");
  ids.roadmap = (await db().plan.findFirstOrThrow({ where: { regionId: krasnodar.id, kind: "ROADMAP" } })).id;
  const slavyansky = await db().municipality.findFirstOrThrow({ where: { regionId: krasnodar.id, name: "Славянский район" } });
  ids.records = (await db().organization.findFirstOrThrow({ where: { municipalityId: slavyansky.id, name: "МБОУ СОШ № 1" } })).id;
  const at = { regionId: krasnodar.id, municipalityId: slavyansky.id, organizationId: ids.records, schoolYear: schoolYearOf(TODAY) };
  for (const fullName of NAMES) await db().dotStudent.create({ data: { ...at, fullName, grade: "5", iupPresent: true } });
  scopes.admin = await scopeOf("admin@demo.local");
  scopes.auditor = await scopeOf("auditor@demo.local");
  scopes.municipal = await scopeOf("mo.slavyansky@demo.local");
  scopes.school = await scopeOf("school.slavyansky@demo.local");
  scopes.kemerovoAdmin = await scopeOf("admin42@demo.local");
});

/** Who makes each report in these tests. */
const MAKER: Record<Kind, keyof typeof scopes> = { audit: "auditor", campaign: "auditor", roadmap: "admin", records: "school" };

/** The PDF's text and page count, and the DOCX as LibreOffice lays it out (its page 1 kept in test-results/docx). */
async function bothOf(kind: Kind): Promise<{ pdf: string; pdfPages: number; docx: OfficeRendering; fileName: string }> {
  const made = (format: ReportFormat) => buildReport({ scope: scopes[MAKER[kind]], kind, id: ids[kind], today: TODAY, format });
  const [pdf, docx] = await Promise.all([made("pdf"), made("docx")]);
  expect(docx.mimeType).toBe(DOCX_MIME);
  expect(docx.pages).toBeNull();
  const file = path.join(dir, `${kind}.pdf`);
  writeFileSync(file, pdf.bytes);
  return { pdf: pdfText(file), pdfPages: pdf.pages!, docx: officeToPdf(docx.bytes, kind), fileName: docx.fileName };
}

/** Each page headed by the issuer and the report's date, and numbered in its footer. */
function expectFramedPages(docx: OfficeRendering) {
  docx.pages.forEach((page, i) => {
    expectInOrder(page, [KRASNODAR_REPORT_ISSUER.organizationName, "23.11.2026", `Стр. ${i + 1} из ${docx.pages.length}`]);
  });
}

describe("the DOCX twin, opened in LibreOffice", () => {
  it("of the audit report says what the PDF says, in its order", async () => {
    const { pdf, docx, fileName, pdfPages } = await bothOf("audit");
    expect(fileName).toBe("Аудит — Славянский район — 2022-12-06.docx");
    expect(docx.info.Title).toBe(
      "Результаты методического аудита: бланк соответствия критериям оценки деятельности работы муниципального координатора",
    );
    const needles = [
      "Участник: Славянский район",
      "Статус бланка: принят",
      "№ п/п",
      /1\.1\.1\s+-об организации работы БШ\s+Приказ Управления/,
      "документ отсутствует",
      "ежегодное обновление",
      "не соответствует —",
      /Итого\s+66,7 %/,
      "Итоговая оценка: 66,7 % — не соответствует",
      "Замечания и рекомендации",
      "высокая",
      "Исполнитель:",
      // The executor's name may wrap on its line in the larger Word type.
      "Приходько Марина",
    ];
    expectInOrder(pdf, needles);
    expectInOrder(docx.text, needles);
    expectFramedPages(docx);
    expect(docx.pages.length).toBeGreaterThanOrEqual(pdfPages);
    expect(docx.pages.length).toBeLessThanOrEqual(pdfPages * 2);
  });

  it("of the campaign report lists, counts and scores as the PDF does, and keeps the chart as a picture", async () => {
    const { pdf, docx, fileName } = await bothOf("campaign");
    expect(fileName).toBe(`Итоги аудита — ${SEED_CAMPAIGN.name} — 2022-12-06.docx`);
    const needles = [
      "Результаты методического аудита",
      SEED_CAMPAIGN.name,
      "Дата проведения: 06.12.2022",
      "Задачи методического сопровождения",
      "Муниципальные образования, прошедшие аудит",
      ...SEED_CAMPAIGN.audited.map((name, i) => new RegExp(`${i + 1}\\.\\s+${name}`)),
      "МО, не предоставившие информацию",
      /1\.\s+Белоглинский район/,
      /3\.\s+Новопокровский район/,
      "ТИПИЧНЫЕ ОШИБКИ",
      "Доля — от представленных бланков (10).",
      /1\.2\.1\s+План работы\s+6\s+60 %/,
      /1\.1\s+между БШ и школами по месту жительства\s+6\s+60 %/,
      "Оценки муниципальных образований",
      /1\s+Павловский район\s+88,9 %\s+частично соответствует/,
      /Белоглинский район\s+—\s+не представлено/,
      "Диаграмма оценок",
      /Павловский район\s+88,9 %/,
      "Исполнитель:",
    ];
    expectInOrder(pdf, needles);
    expectInOrder(docx.text, needles);
    expectFramedPages(docx);
    // The bars are pictures: LibreOffice keeps them as images in its PDF.
    expect(docx.pdf.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
  });

  it("of the roadmap report is landscape, and repeats the table's header rows on page 2", async () => {
    const { pdf, docx, fileName } = await bothOf("roadmap");
    expect(fileName).toBe("Дорожная карта — город Краснодар — 2020-2021.docx");
    expect(docx.info["Page size"]).toMatch(/^841\.8\d* x 595\.\d+ pts/);
    expect(docx.pages.length).toBeGreaterThanOrEqual(2);
    const needles = [
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021",
      "Муниципалитет",
      "Целевая аудитория",
      "перечислить",
      /23\s+город Краснодар\s+Проведение модельного/,
      // At Word's larger size the date column wraps «года».
      "22 сентября 2020",
      "№3121/30",
      "До 2 ноября 2020 года",
      "2 декабря 2020 года",
      "Исполнитель:",
    ];
    expectInOrder(pdf, needles);
    expectInOrder(docx.text, needles);
    expectInOrder(docx.pages[1] ?? "", ["Код", "Муниципалитет", "Ссылка на размещение", "23"]);
    expectFramedPages(docx);
  });

  it("of the records report carries the counts only", async () => {
    const { pdf, docx, fileName } = await bothOf("records");
    expect(fileName).toBe("Учёт ДОТ — МБОУ СОШ № 1 — 2026-2027.docx");
    const needles = [
      "Дети-инвалиды, обучающиеся с применением ДОТ: численность",
      "Образовательная организация: МБОУ СОШ № 1 (Славянский район)",
      /детей-инвалидов, обучающихся с применением ДОТ\s+2/,
      /из них с индивидуальным учебным планом\s+2/,
      "По учебным годам",
    ];
    expectInOrder(pdf, needles);
    expectInOrder(docx.text, needles);
    for (const name of [...NAMES, "Иванов", "Петрова"]) expect(docx.text).not.toContain(name);
  });
});

describe("GET /api/reports/[kind]/[id]?format=docx", () => {
  const get = (kind: string, id: string, format?: string) =>
    GET(new Request(`http://test/api/reports/${kind}/${id}${format ? `?format=${format}` : ""}`), {
      params: Promise.resolve({ kind, id }),
    });

  it("downloads the Word document under its .docx name, whose every part names no child", async () => {
    caller = scopes.school;
    const response = await get("records", ids.records, "docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(DOCX_MIME);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toContain("Учёт ДОТ — МБОУ СОШ № 1 — 2026-2027.docx");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Read as the privacy matrix reads any answer: every part of the archive, the file name too.
    const { text } = answerOf({ kind: "response", status: 200, location: null, text: "", lists: [], bytes, headers: response.headers });
    expect(text).toContain("Только численность");
    for (const name of [...NAMES, "Иванов", "Петрова"]) expect(text).not.toContain(name);
  });

  it("is not found where the PDF is not, and refuses an unknown format in Russian", async () => {
    caller = scopes.municipal;
    expect((await get("audit", ids.pavlovskyBlank, "docx")).status).toBe(404);
    caller = scopes.kemerovoAdmin;
    expect((await get("campaign", ids.campaign, "docx")).status).toBe(404);
    caller = scopes.auditor;
    const refused = await get("campaign", ids.campaign, "odt");
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("Формат отчёта: «pdf» или «docx».");
  });
});

describe("npm run cli -- report --format", () => {
  it("writes the DOCX when asked, or when the out file ends in .docx", () => {
    const env = { DATABASE_URL: databaseUrl() };
    const byExtension = path.join(dir, "cli-roadmap.docx");
    const first = runCli(["report", "roadmap", "--id", ids.roadmap, "--out", byExtension], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ out: byExtension, format: "docx", pages: null });
    expect(readFileSync(byExtension).subarray(0, 2).toString("latin1")).toBe("PK");

    const asked = path.join(dir, "cli-roadmap.bin");
    const second = runCli(["report", "roadmap", "--id", ids.roadmap, "--format", "docx", "--out", asked], env);
    expect(second.code, second.stderr).toBe(0);
    expect(officeToPdf(readFileSync(asked), "cli-roadmap").text).toContain("Отчет о выполнении мероприятий");

    const wrong = runCli(["report", "roadmap", "--id", ids.roadmap, "--format", "odt", "--out", asked], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Формат отчёта: «pdf» или «docx».");
  });
});
