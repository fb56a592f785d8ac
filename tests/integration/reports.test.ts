import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/[kind]/[id]/route";
import { schoolYearOf } from "@/lib/domain/records/official-measures";
import type { Scope } from "@/lib/scope";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { KRASNODAR_REPORT_ISSUER } from "@/lib/seed-data/regions";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { storeFile } from "@/lib/server/files/store-file";
import { buildReport, type BuiltReport } from "@/lib/server/reports/build-report";
import { getReportSettings } from "@/lib/server/reports/get-report-settings";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { runCli } from "../support/cli";
import { pdfSample, pngSample } from "../support/file-samples";
import { expectInOrder, pdfInfo, pdfText } from "../support/pdf-text";
import { codeOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import { saveReportSettings } from "../support/operations";

const databaseUrl = useTestDatabase();

const dir = mkdtempSync(path.join(os.tmpdir(), "metodaudit-reports-"));
vi.stubEnv("STORAGE_DIR", path.join(dir, "files"));
afterAll(() => rm(dir, { recursive: true, force: true }));

// The route runs as whoever `caller` is; everything below the session is real.
let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));

/** After the seed campaign's deadline (25.11.2022): its non-submitters are known. */
const TODAY = "2026-11-23";

const scopeOf = async (email: string): Promise<Scope> => {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadScope(user.id))!;
};

let n = 0;
function save(report: BuiltReport): string {
  const file = path.join(dir, `report-${++n}.pdf`);
  writeFileSync(file, report.bytes);
  return file;
}

let krasnodarId: string;
let campaignId: string;
let slavyanskyBlankId: string;
let schoolBlankId: string;
let pavlovskyBlankId: string;
let roadmapId: string;
let slavyanskyId: string;
let schoolId: string;
let admin: Scope;
let auditor: Scope;
let municipal: Scope;
let school: Scope;
let kemerovoAdmin: Scope;

beforeAll(async () => {
  await seedDemo({ db: db() });
  const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
  krasnodarId = krasnodar.id;
  campaignId = (await db().campaign.findFirstOrThrow({ where: { regionId: krasnodar.id, name: SEED_CAMPAIGN.name } })).id;
  const blankOf = async (municipality: string, ofSchool: boolean) =>
    (
      await db().blank.findFirstOrThrow({
        where: { campaignId, municipality: { name: municipality }, organizationId: ofSchool ? { not: null } : null },
      })
    ).id;
  slavyanskyBlankId = await blankOf("Славянский район", false);
  schoolBlankId = await blankOf("Славянский район", true);
  pavlovskyBlankId = await blankOf("Павловский район", false);
  roadmapId = (await db().plan.findFirstOrThrow({ where: { regionId: krasnodar.id, kind: "ROADMAP" } })).id;
  slavyanskyId = (await db().municipality.findFirstOrThrow({ where: { regionId: krasnodar.id, name: "Славянский район" } })).id;
  schoolId = (await db().organization.findFirstOrThrow({ where: { municipalityId: slavyanskyId, name: "МБОУ СОШ № 1" } })).id;
  admin = await scopeOf("admin@demo.local");
  auditor = await scopeOf("auditor@demo.local");
  municipal = await scopeOf("mo.slavyansky@demo.local");
  school = await scopeOf("school.slavyansky@demo.local");
  kemerovoAdmin = await scopeOf("admin42@demo.local");
});

describe("the audit report of a participant", () => {
  it("prints the blank as seed 000 does, with requisites, marks, legal basis, the score and the findings, in order", async () => {
    const report = await buildReport({ scope: auditor, kind: "audit", id: slavyanskyBlankId, today: TODAY });
    expect(report.regionId).toBe(krasnodarId);
    expect(report.fileName).toBe("Аудит — Славянский район — 2022-12-06.pdf");
    const file = save(report);
    expect(pdfInfo(file)).toMatchObject({
      Title: "Результаты методического аудита: бланк соответствия критериям оценки деятельности работы муниципального координатора",
      Author: KRASNODAR_REPORT_ISSUER.organizationName,
      Creator: "Методаудит",
    });
    expect(Number(pdfInfo(file).Pages)).toBe(report.pages);
    const text = pdfText(file);
    expectInOrder(text, [
      // The header: the demo region's issuer, the institute of seed 000, and the report's date.
      KRASNODAR_REPORT_ISSUER.organizationName,
      "23.11.2026",
      KRASNODAR_REPORT_ISSUER.details,
      // The title wraps: the metadata above holds it whole.
      "Результаты методического аудита: бланк соответствия критериям оценки",
      "деятельности работы муниципального координатора",
      "Участник: Славянский район",
      "Кампания: Методический аудит муниципальных центров дистанционного образования 2022, 06.12.2022",
      "Статус бланка: принят",
      "БЛАНК СООТВЕТВИЯ",
      "критериям оценки деятельности работы муниципального координатора Славянский район",
      "(наименование МО)",
      "№ п/п",
      "Соответствие официальным",
      /1\.\s+Нормативная документация МО/,
      // The section's legal basis, wrapped in the last column.
      "Приказ МОНМТ КК от",
      "22.07.2021 №2378 п. 3.6 п. 3.7",
      // Requisites as answered, wrapped in their cell: the issuer in the genitive, the title capitalised.
      /1\.1\.1\s+-об организации работы БШ\s+Приказ Управления/,
      "образования администрации",
      "район от 17.11.2021 №149-од",
      "«Об организации работы",
      "соответствует",
      "1.2.1",
      "План работы",
      "1.2.2",
      "Отчет о выполнении",
      "документ отсутствует",
      /2\.\s+Эффективность организации деятельности/,
      "Критерий",
      "Наличие/ численность",
      "2.2",
      "База данных кандидатов",
      "ежегодное обновление",
      "2.3",
      // The auditor's mark and comment.
      "не соответствует —",
      "Численность не совпадает с",
      "данными ГБОУ ИРО КК",
      "Оценка",
      /Итого\s+66,7 %/,
      "Итоговая оценка: 66,7 % — не соответствует",
      "Замечания и рекомендации",
      "1.2.2",
      "высокая",
      "Дата:",
      "23.11.2026",
      "№:",
      "Исполнитель:",
      "Подпись:",
      // The executor is the user who made the report.
      "Приходько Марина Николаевна",
    ]);
  });

  it("scores a school's blank by section", async () => {
    const report = await buildReport({ scope: school, kind: "audit", id: schoolBlankId, today: TODAY });
    expect(report.fileName).toBe("Аудит — Славянский район, МБОУ СОШ № 1 — 2022-12-06.pdf");
    const text = pdfText(save(report));
    expectInOrder(text, [
      "Результаты методического аудита: бланк соответствия критериям оценки",
      "деятельности работы школьного координатора",
      "Участник: Славянский район, МБОУ СОШ № 1",
      "Нормативная документация БШ",
      "Реквизиты документа /",
      /1\.\s+Соглашения\s+Приказ МОНМТ КК от\s+22\.07\.2021 №2378 п\. 3\.6/,
      "4.1",
      "Численность педагогов",
      "Раздел бланка",
      /Итого\s+87,5 %/,
      "частично соответствует",
    ]);
  });

  it("is not found for a scope that may not read the blank", async () => {
    expect(await codeOf(buildReport({ scope: kemerovoAdmin, kind: "audit", id: slavyanskyBlankId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: school, kind: "audit", id: pavlovskyBlankId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: municipal, kind: "audit", id: pavlovskyBlankId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: auditor, kind: "audit", id: roadmapId }))).toBe("NOT_FOUND");
  });
});

describe("the campaign report", () => {
  let file: string;
  let report: BuiltReport;
  beforeAll(async () => {
    const stages: string[] = [];
    report = await buildReport({
      scope: auditor,
      kind: "campaign",
      id: campaignId,
      today: TODAY,
      onProgress: (p) => void stages.push(`${p.fraction}:${p.stage}`),
    });
    expect(stages[0]).toBe("0:Загрузка данных");
    expect(stages.at(-1)).toBe("1:Готово");
    file = save(report);
  });

  it("lists the goal, the tasks, the audited municipalities and the three that did not submit", () => {
    expect(report.fileName).toBe(`Итоги аудита — ${SEED_CAMPAIGN.name} — 2022-12-06.pdf`);
    const text = pdfText(file);
    expectInOrder(text, [
      "Результаты методического аудита",
      SEED_CAMPAIGN.name,
      "Дата проведения: 06.12.2022",
      "Цель",
      "изучение процесса организации образовательной деятельности",
      "Задачи методического сопровождения",
      "повышение эффективности взаимодействия специалистов всех уровней",
      "контроль за устранением, выявленных в процессе аудита, недостатков",
      "Муниципальные образования, прошедшие аудит",
      ...SEED_CAMPAIGN.audited.map((name, i) => `${i + 1}. ${name}`),
      "МО, не предоставившие информацию",
      "1. Белоглинский район",
      "2. Крыловский район",
      "3. Новопокровский район",
    ]);
  });

  it("counts the typical errors of municipal and school coordinators as seed 000 shows them, with shares", () => {
    expectInOrder(pdfText(file), [
      "ТИПИЧНЫЕ ОШИБКИ",
      "Муниципальных координаторов",
      "Доля — от представленных бланков (10).",
      /1\.2\.1\s+План работы\s+6\s+60 %/,
      /1\.2\.2\s+Отчет о выполнении\s+5\s+50 %/,
      /2\.3\.1\s+Личные дела обучающихся\s+4\s+40 %/,
      "Школьных координаторов",
      /1\.1\s+между БШ и школами по месту жительства\s+6\s+60 %/,
      /1\.2\s+между МЦДО и ГБОУ ИРО КК\s+5\s+50 %/,
      // A long item wraps in its cell; the count and share stay on its first line.
      /2\.1\s+о центре дистанционного образования базовой общеобразовательной\s+4\s+40 %\s+организации/,
    ]);
  });

  it("tables and charts the scores, highest first, and ends with the signature block", () => {
    expectInOrder(pdfText(file), [
      "Оценки муниципальных образований",
      /1\s+Павловский район\s+88,9 %\s+частично соответствует/,
      /Славянский район\s+66,7 %\s+не соответствует\s+87,5 %/,
      /Гулькевичский район\s+55,6 %/,
      /Белоглинский район\s+—\s+не представлено/,
      "Диаграмма оценок",
      /Павловский район\s+88,9 %/,
      "частично соответствует",
      "Исполнитель:",
    ]);
  });

  it("repeats the page header on every page, and renders to an image", () => {
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBe(report.pages);
    for (let page = 1; page <= pages; page++) {
      expectInOrder(pdfText(file, page), [KRASNODAR_REPORT_ISSUER.organizationName, "23.11.2026", `Стр. ${page} из ${pages}`]);
    }
    const png = path.join(dir, "campaign");
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", file, png]);
    const image = [`${png}-1.png`, `${png}-01.png`].find((f) => existsSync(f));
    expect(image).toBeDefined();
    expect(readFileSync(image!).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("is for the region's staff only", async () => {
    expect(await codeOf(buildReport({ scope: municipal, kind: "campaign", id: campaignId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: school, kind: "campaign", id: campaignId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: kemerovoAdmin, kind: "campaign", id: campaignId }))).toBe("NOT_FOUND");
  });
});

describe("the roadmap report", () => {
  it("prints seed 002's title and columns in landscape, the events in order, and the header again on page 2", async () => {
    const report = await buildReport({ scope: admin, kind: "roadmap", id: roadmapId, today: TODAY });
    expect(report.fileName).toBe("Дорожная карта — город Краснодар — 2020-2021.pdf");
    const file = save(report);
    const info = pdfInfo(file);
    expect(info["Page size"]).toMatch(/^841\.89 x 595\.28 pts/);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    expectInOrder(pdfText(file), [
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год",
      "Код",
      "Муниципалитет",
      "Все мероприятия,",
      "Краткое описание мероприятий",
      "Дата проведения",
      "Целевая аудитория",
      "Ссылка на размещение",
      "перечислить муниципальные",
      /23\s+город Краснодар\s+Проведение модельного/,
      "22 сентября 2020 года",
      "Петрова Т.А.",
      "№3121/30",
      "До 2 ноября 2020 года",
      "№200",
      "2 декабря 2020 года",
      "В течение учебного года",
      "МНЦ",
      "Исполнитель:",
    ]);
    // The seed's columns, exactly: no status column.
    expect(pdfText(file)).not.toMatch(/Статус|Выполнено/);
    expectInOrder(pdfText(file, 2), [
      KRASNODAR_REPORT_ISSUER.organizationName,
      "Код",
      "Муниципалитет",
      "Ссылка на размещение",
      "23",
      "Стр. 2 из",
    ]);
  });

  it("is not found outside the plan's readers", async () => {
    expect(await codeOf(buildReport({ scope: kemerovoAdmin, kind: "roadmap", id: roadmapId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: municipal, kind: "roadmap", id: roadmapId }))).toBe("NOT_FOUND");
  });
});

describe("the records report", () => {
  const NAMES = ["Иванов Иван Иванович", "Петрова Мария Сергеевна", "Сидоров Пётр Олегович"];
  const TEACHER = "Кузнецова Анна Павловна";
  beforeAll(async () => {
    const at = { regionId: krasnodarId, municipalityId: slavyanskyId, organizationId: schoolId, schoolYear: schoolYearOf(TODAY) };
    await db().dotStudent.create({ data: { ...at, fullName: NAMES[0]!, grade: "5", iupPresent: true } });
    await db().dotStudent.create({ data: { ...at, fullName: NAMES[1]!, grade: "8" } });
    await db().dotStudent.create({ data: { ...at, fullName: NAMES[2]!, grade: "11", status: "GRADUATED", furtherEducation: "SPO" } });
    await db().dotStudent.create({ data: { ...at, schoolYear: "2024/2025", fullName: "Прошлогодний Ученик", grade: "4" } });
    await db().dotTeacher.create({ data: { ...at, fullName: TEACHER, subject: "математика", needsCourse: true } });
  });

  it("counts a school's records for its coordinator, and names nobody", async () => {
    const report = await buildReport({ scope: school, kind: "records", id: schoolId, today: TODAY });
    expect(report.fileName).toBe("Учёт ДОТ — МБОУ СОШ № 1 — 2026-2027.pdf");
    const text = pdfText(save(report));
    expectInOrder(text, [
      "Дети-инвалиды, обучающиеся с применением ДОТ: численность",
      "Образовательная организация: МБОУ СОШ № 1 (Славянский район)",
      "2026/2027 учебный год",
      /детей-инвалидов, обучающихся с применением ДОТ\s+2/,
      /из них с индивидуальным учебным планом\s+1/,
      /педагогов, работающих с применением ДОТ\s+1/,
      /выпускников, продолжающих обучение в ВУЗах\/СПО\s+1/,
      "По учебным годам",
      /2024\/2025\s+1/,
      /2026\/2027\s+2/,
    ]);
    for (const name of [...NAMES, TEACHER, "Прошлогодний", "Иванов", "Кузнецова"]) expect(text).not.toContain(name);
  });

  it("counts a municipality by school and a region by municipality", async () => {
    const byMunicipal = pdfText(save(await buildReport({ scope: municipal, kind: "records", id: slavyanskyId, today: TODAY })));
    expectInOrder(byMunicipal, [
      "Муниципальное образование: Славянский район (Краснодарский край)",
      "По школам",
      /МБОУ СОШ № 1\s+2\s+1\s+1\s+1/,
    ]);
    const byRegion = pdfText(save(await buildReport({ scope: admin, kind: "records", id: krasnodarId, today: TODAY })));
    expectInOrder(byRegion, ["Регион: Краснодарский край", "По муниципальным образованиям", /Славянский район\s+2\s+1\s+1\s+1/]);
    for (const name of NAMES) expect(byRegion + byMunicipal).not.toContain(name);
  });

  it("is not found above the caller's reach", async () => {
    expect(await codeOf(buildReport({ scope: school, kind: "records", id: slavyanskyId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: municipal, kind: "records", id: krasnodarId }))).toBe("NOT_FOUND");
    expect(await codeOf(buildReport({ scope: kemerovoAdmin, kind: "records", id: schoolId }))).toBe("NOT_FOUND");
  });
});

describe("report settings", () => {
  it("default to the region's own name where the region has set none: its reports are issued in that name", async () => {
    const kemerovo = await db().region.findUniqueOrThrow({ where: { code: "42" } });
    expect(await getReportSettings({ scope: kemerovoAdmin })).toMatchObject({
      organizationName: "Кемеровская область — Кузбасс",
      details: "",
      isDefault: true,
      logo: null,
    });
    const file = save(await buildReport({ scope: kemerovoAdmin, kind: "records", id: kemerovo.id, today: TODAY }));
    expect(pdfInfo(file).Author).toBe("Кемеровская область — Кузбасс");
    expectInOrder(pdfText(file, 1), ["Кемеровская область — Кузбасс", "23.11.2026", "Регион: Кемеровская область — Кузбасс"]);
  });

  it("are the institute of seed 000 in the demo, and a region admin names the issuer with a logo every report then carries", async () => {
    expect(await getReportSettings({ scope: admin })).toMatchObject({ ...KRASNODAR_REPORT_ISSUER, isDefault: false, logo: null });
    expect(KRASNODAR_REPORT_ISSUER).toEqual({
      organizationName: "ГБОУ «Институт развития образования» Краснодарского края",
      details: "Центр дистанционного образования",
    });
    const settings = await getReportSettings({ scope: admin });
    const [kind, ownerId] = settings.logoOwner!.split(":") as ["organization", string];
    expect(kind).toBe("organization");
    const owner = await db().organization.findUniqueOrThrow({ where: { id: ownerId } });
    expect(owner.kind).toBe("REGIONAL_CENTER");
    const owned = { regionId: krasnodarId, municipalityId: null, organizationId: ownerId };
    const logo = await storeFile({ scope: admin, owner: owned, name: "logo.png", bytes: pngSample(), allowed: ["PNG", "JPG"] });
    const pdf = await storeFile({ scope: admin, owner: owned, name: "act.pdf", bytes: pdfSample(), allowed: ["PDF"] });

    const input = {
      regionId: krasnodarId,
      organizationName: "ГБОУ «Институт развития образования» Краснодарского края, Центр дистанционного образования",
      details: "350080, г. Краснодар, ул. Сормовская, 167\nтел. (861) 232-85-78",
      logoFileId: pdf.id,
    };
    expect(await codeOf(saveReportSettings({ scope: admin, input }))).toBe("VALIDATION");
    expect(await codeOf(saveReportSettings({ scope: auditor, input: { ...input, logoFileId: logo.id } }))).toBe("NOT_FOUND");
    expect(await codeOf(saveReportSettings({ scope: kemerovoAdmin, input: { ...input, logoFileId: logo.id } }))).toBe("NOT_FOUND");
    await saveReportSettings({ scope: admin, input: { ...input, logoFileId: logo.id } });
    expect(await getReportSettings({ scope: auditor })).toMatchObject({
      organizationName: input.organizationName,
      details: input.details,
      logo: { id: logo.id, name: "logo.png" },
      isDefault: false,
    });

    const file = save(await buildReport({ scope: school, kind: "audit", id: schoolBlankId, today: TODAY }));
    expect(pdfInfo(file).Author).toBe(input.organizationName);
    const text = pdfText(file);
    expectInOrder(text, [
      "ГБОУ «Институт развития образования» Краснодарского края, Центр",
      "дистанционного образования",
      "350080, г. Краснодар, ул. Сормовская, 167",
      "тел. (861) 232-85-78",
      "Результаты методического аудита",
    ]);
    expect(execFileSync("pdfimages", ["-list", file], { encoding: "utf8" })).toMatch(/\bpng|image\b/);
  });
});

describe("GET /api/reports/[kind]/[id]", () => {
  const get = (kind: string, id: string) =>
    GET(new Request(`http://test/api/reports/${kind}/${id}`), { params: Promise.resolve({ kind, id }) });

  it("downloads a PDF the caller may see, as an attachment that is never cached", async () => {
    caller = auditor;
    const response = await get("audit", slavyanskyBlankId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''%D0%90%D1%83%D0%B4%D0%B8%D1%82");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it("answers 404 for a foreign id, an unknown kind or a malformed id, and 401 without a session", async () => {
    caller = municipal;
    expect((await get("campaign", campaignId)).status).toBe(404);
    expect((await get("audit", pavlovskyBlankId)).status).toBe(404);
    expect((await get("secrets", slavyanskyBlankId)).status).toBe(404);
    expect((await get("audit", "../../etc/passwd")).status).toBe(404);
    caller = null;
    expect((await get("audit", slavyanskyBlankId)).status).toBe(401);
  });
});

describe("npm run cli -- report", () => {
  it("writes the report as the admin of the subject's region and prints { out, format, bytes, pages }", () => {
    const out = path.join(dir, "cli-roadmap.pdf");
    const result = runCli(["report", "roadmap", "--id", roadmapId, "--out", out], { DATABASE_URL: databaseUrl() });
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { out: string; format: string; bytes: number; pages: number };
    expect(printed).toEqual({ out, format: "pdf", bytes: readFileSync(out).length, pages: Number(pdfInfo(out).Pages) });
    // Nobody in particular made it: the executor is a line to fill in.
    expect(pdfText(out)).toContain("(фамилия, инициалы)");

    const unknown = runCli(["report", "audit", "--id", roadmapId, "--out", out], { DATABASE_URL: databaseUrl() });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/не найден/);
  });
});
