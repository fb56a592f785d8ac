import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRequisites } from "@/lib/schemas/document";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureRegion } from "@/lib/server/seed/factories";
import { exportRoadmap } from "@/lib/server/plans/export-roadmap";
import { getPlan, type PlanView } from "@/lib/server/plans/get-plan";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";
import type { Scope } from "@/lib/scope";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { savePlanEvent } from "../support/operations";

useTestDatabase();

const SEED_002 = readFileSync(ROADMAP_002_PATH);
const PEOPLE_3 = ["Полякова Н.П.", "Петрова Т.А.", "Ваховский Ф.И."];
const PEOPLE_2 = ["Петрова Т.А.", "Ваховский Ф.И."];
const SCHOOL_YEAR = { start: "2020-09-01", end: "2021-08-31" };

/** Seed 002's events as a reader of the report understands them: the title's start, the dates, the people, the documents. */
const EXPECTED: Array<{ title: string; kind: string; start: string | null; end: string; people: string[]; documents: string[] }> = [
  {
    title: "Проведение модельного семинара по разработке программы образовательной организации",
    kind: "EXACT",
    start: "2020-09-22",
    end: "2020-09-22",
    people: ["Петрова Т.А."],
    documents: [
      "Письмо департамента образования муниципального образования город Краснодар от 27.04.2021 № 3121/30",
      "Приказ департамента образования МО город Краснодар от 25.02.2021 № 161",
    ],
  },
  {
    title: "Проведение выездной проверки качества образования в школах с низкими результатами ВПР",
    kind: "DEADLINE",
    start: null,
    end: "2020-11-02",
    people: PEOPLE_2,
    documents: ["Приказ департамента образования от 04.03.2021 № 200"],
  },
  {
    title: 'Совещание с руководителями общеобразовательных организаций "О результатах ВПР в 2020/2021 учебном году"',
    kind: "EXACT",
    start: "2020-12-02",
    end: "2020-12-02",
    people: PEOPLE_3,
    documents: ["Протокол совещания при диреткоре департамента образования МО Краснодар от 30.11.2020"],
  },
  {
    title: 'Совещание с руководителями общеобразовательных организация "О разработке программы',
    kind: "DEADLINE",
    start: null,
    end: "2020-10-20",
    people: PEOPLE_3,
    documents: [
      "Протокол совещания при диреткоре департамента образования МО Краснодар от 12.10.2021",
      "Письмо департамента образования муниципального образования город Краснодар от 27.04.2021 № 3121/30",
    ],
  },
  {
    title: 'Совещание с руководителями общеобразовательных организация "Об изучении деятельности школ',
    kind: "MONTH",
    start: "2021-02-01",
    end: "2021-02-28",
    people: PEOPLE_3,
    documents: [
      "Протокол совещания при диреткоре департамента образования МО Краснодар от 19.04.2021",
      "Приказ МКУ КНМЦ от 12.03.2021 № 52-П",
      "Приказ департамента образования МО город Краснодар от 14.05.2021 № 560",
    ],
  },
  {
    title: 'Совещание с руководителями общеобразовательных организация "Проектирование системы методической работы',
    kind: "MONTH",
    start: "2021-01-01",
    end: "2021-01-31",
    people: PEOPLE_3,
    documents: ["Протокол совещания при диреткоре департамента образования МО Краснодар от 25.01.2021"],
  },
  {
    title: 'Совещание с руководителями общеобразовательных организация "О сетевом взаимодействии',
    kind: "MONTH",
    start: "2021-03-01",
    end: "2021-03-31",
    people: PEOPLE_3,
    documents: [
      // Without a date or a number, a document is named by its title.
      'Договор «о сотрудничестве между ФГБОУ ВО "Армавирский государственный педагогический университет" и МКУ КНМЦ»',
      'Договор «о сотрудничестве между ФГБОУ ВО "Краснодарский государственный институт культуры" и МКУ КНМЦ»',
      "Протокол совещания при диреткоре департамента образования МО Краснодар от 05.04.2021",
    ],
  },
  {
    title: 'Методический семинар "Результаты оценочных процедур (ВПР)',
    kind: "MONTH",
    start: "2020-10-01",
    end: "2020-10-31",
    people: PEOPLE_2,
    documents: ["Протокол совещания при диреткоре департамента образования МО Краснодар от 02.11.2020"],
  },
  {
    title: 'Методический семинар "Роль методической службы',
    kind: "MONTH",
    start: "2020-10-01",
    end: "2020-10-31",
    people: PEOPLE_2,
    documents: ["Протокол совещания при диреткоре департамента образования МО Краснодар от 30.11.2020"],
  },
  {
    title: 'Методический семинар "ВПР как показатель',
    kind: "MONTH",
    start: "2020-11-01",
    end: "2020-11-30",
    people: PEOPLE_2,
    documents: ["Протокол совещания при диреткоре департамента образования МО Краснодар от 30.11.2020"],
  },
  {
    title: 'Методический семинар "Внутришкольный мониторинг качества образования школы"',
    kind: "MONTH",
    start: "2020-12-01",
    end: "2020-12-31",
    people: PEOPLE_2,
    documents: ["Приказ департамента образования МО город Краснодар от 14.05.2021 № 560"],
  },
  {
    title: "Методический семинар «Эффективное управление",
    kind: "MONTH",
    start: "2021-01-01",
    end: "2021-01-31",
    people: PEOPLE_2,
    documents: ["Письмо департамента образования МО город Краснодар от 27.04.2021 № 3120/30"],
  },
  ...[
    "Организация мастер классов по управлению образовательной системой",
    "Организация мастер классов для учителей предметников",
    "Организация семинаров-практикумов",
  ].map((title) => ({ title, kind: "PERIOD", start: SCHOOL_YEAR.start, end: SCHOOL_YEAR.end, people: [], documents: [] })),
];

let regionId: string;
let krasnodarId: string;
let coordinator: Scope;

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  regionId = region.id;
  krasnodarId = (await ensureMunicipality(db(), { regionId, name: "город Краснодар", aliases: ["Краснодар", "МО город Краснодар"] })).id;
  await ensureMunicipality(db(), { regionId, name: "Славянский район" });
  coordinator = (await userWithRole("mo.krasnodar@test.local", "MUNICIPAL_COORDINATOR", { regionId, municipalityId: krasnodarId })).scope;
});

const counts = async () => ({
  plans: await db().plan.count(),
  events: await db().planEvent.count(),
  documents: await db().registryDocument.count(),
  links: await db().planEventDocument.count(),
});

/** The documents an event links to the registry, named as documents name them (without their titles). */
const registryDocuments = (event: PlanView["events"][number]) => event.documents.filter((d) => d.documentId).map((d) => d.documentId!);

async function documentNames(ids: string[]) {
  const docs = await db().registryDocument.findMany({ where: { id: { in: ids } } });
  return ids.map((id) => {
    const doc = docs.find((d) => d.id === id)!;
    return doc.number || doc.date ? describeRequisites({ ...doc, title: null }) : describeRequisites(doc);
  });
}

describe("roadmap import of seed 002", () => {
  it("previews without writing anything", async () => {
    const result = await importRoadmap({ scope: coordinator, bytes: SEED_002, fileName: "002.md", dryRun: true });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ dryRun: true, imported: 15, updated: 0 });
    expect(result.rows[1]).toMatchObject({ row: 9, municipality: "город Краснодар", people: PEOPLE_2, action: "create" });
    expect(await counts()).toEqual({ plans: 0, events: 0, documents: 0, links: 0 });
  });

  it("yields every event with its dates, people and documents", async () => {
    const result = await importRoadmap({ scope: coordinator, bytes: SEED_002, fileName: "002.md" });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ imported: 15, updated: 0 });
    expect(result.planIds).toHaveLength(1);

    const plan = await getPlan({ scope: coordinator, planId: result.planIds[0]!, today: "2026-11-23" });
    expect(plan).toMatchObject({
      kind: "ROADMAP",
      schoolYear: "2020/2021",
      startsOn: "2020-09-01",
      endsOn: "2021-08-31",
      municipalityName: "город Краснодар",
    });
    expect(plan.events).toHaveLength(EXPECTED.length);
    for (const [i, expected] of EXPECTED.entries()) {
      const event = plan.events[i]!;
      expect(event.title.startsWith(expected.title), `event ${i + 1}: ${event.title}`).toBe(true);
      expect(
        { kind: event.timingKind, start: event.startsOn, end: event.endsOn, people: event.responsiblePeople },
        `event ${i + 1}`,
      ).toEqual({
        kind: expected.kind,
        start: expected.start,
        end: expected.end,
        people: expected.people,
      });
      expect(await documentNames(registryDocuments(event)), `documents of event ${i + 1}`).toEqual(expected.documents);
    }
    // What is not a document stays as written; the cells are kept whole.
    const forum = plan.events[12]!;
    expect(forum.responsibleText).toBe("МНЦ");
    expect(forum.documents).toEqual([
      expect.objectContaining({
        documentId: null,
        label: 'Августовский форум "МСОКО - путь к развитию и совершенствованию, круглый стол "Школы, которым можно доверять"',
      }),
    ]);
    expect(plan.events[0]!.description).toMatch(/^В рамках проведения и подготовки семинара проведен мониторинг/);
    expect(plan.events[0]!.audience).toBe("руководители общеобразовательных организаций ШНОР/ШССУ, кураторы ШНОР/ШССУ");
    expect(plan.events[5]!.description).toBe("");
    // A past report's events are overdue until someone marks them held.
    expect(plan.events.every((e) => e.overdue)).toBe(true);
    // Documents named twice in the report are one registry entry: 18 mentions, 14 documents.
    expect(result.documentsCreated).toBe(14);
    expect(await db().registryDocument.count({ where: { municipalityId: krasnodarId } })).toBe(14);
  });

  it("importing the same file again updates instead of duplicating", async () => {
    const before = await counts();
    const result = await importRoadmap({ scope: coordinator, bytes: SEED_002, fileName: "002.md" });
    expect(result).toMatchObject({ imported: 0, updated: 15, documentsCreated: 0, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it("the XLSX export re-imports to the same events", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: krasnodarId, kind: "ROADMAP" } });
    const snapshot = async () =>
      (await getPlan({ scope: coordinator, planId: plan.id, today: "2026-11-23" })).events.map(
        ({ id: _id, updatedAt: _u, documents, ...rest }) => ({
          ...rest,
          documents: documents.map(({ id: _d, ...doc }) => doc),
        }),
      );
    const before = await snapshot();
    for (const format of ["xlsx", "csv"] as const) {
      const file = await exportRoadmap({ scope: coordinator, planId: plan.id, format });
      const result = await importRoadmap({ scope: coordinator, bytes: file.bytes, fileName: file.fileName });
      expect(result, format).toMatchObject({ imported: 0, updated: 15, documentsCreated: 0, errors: [] });
      expect(await snapshot(), format).toEqual(before);
    }
  });
});

describe("seed 002 as a Word table (tests/fixtures/docx/roadmap-002.docx, made by LibreOffice)", () => {
  it("imports to the same events as its Markdown: every field, date, person and document", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: krasnodarId, kind: "ROADMAP" } });
    const snapshot = async () =>
      (await getPlan({ scope: coordinator, planId: plan.id, today: "2026-11-23" })).events.map(
        ({ id: _id, updatedAt: _u, documents, ...rest }) => ({ ...rest, documents: documents.map(({ id: _d, ...doc }) => doc) }),
      );
    const before = await snapshot();
    const docx = readFileSync("tests/fixtures/docx/roadmap-002.docx");
    const preview = await importRoadmap({ scope: coordinator, bytes: docx, fileName: "отчёт.docx", dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, imported: 0, updated: 15, errors: [] });
    expect(preview.notices[0]).toEqual({ kind: "sheet", row: null, message: "Документ Word: Таблица 1" });
    const result = await importRoadmap({ scope: coordinator, bytes: docx, fileName: "отчёт.docx" });
    expect(result).toMatchObject({ imported: 0, updated: 15, documentsCreated: 0, errors: [] });
    expect(await snapshot()).toEqual(before);
    // The seed's own four tables, one after another: the same events.
    const fourTables = readFileSync("tests/fixtures/docx/roadmap-002-four-tables.docx");
    const again = await importRoadmap({ scope: coordinator, bytes: fourTables, fileName: "отчёт.docx" });
    expect(again).toMatchObject({ imported: 0, updated: 15, documentsCreated: 0, errors: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing an imported event", () => {
  it("keeps the documents as the report wrote them, and text that names no document", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: krasnodarId, kind: "ROADMAP" } });
    const view = await getPlan({ scope: coordinator, planId: plan.id });
    for (const event of [view.events[0]!, view.events[12]!]) {
      await savePlanEvent({
        scope: coordinator,
        planId: plan.id,
        eventId: event.id,
        input: {
          ...event,
          number: event.number ?? "",
          documentIds: registryDocuments(event),
          links: [],
          timingText: event.timingText,
          updatedAt: event.updatedAt,
        },
      });
    }
    const after = await getPlan({ scope: coordinator, planId: plan.id });
    expect(after.events[0]!.documents.map((d) => d.label)).toEqual(view.events[0]!.documents.map((d) => d.label));
    expect(after.events[12]!.documents.map((d) => d.label)).toEqual([
      'Августовский форум "МСОКО - путь к развитию и совершенствованию, круглый стол "Школы, которым можно доверять"',
    ]);
  });
});

describe("a broken roadmap file", () => {
  const broken = () => {
    const lines = SEED_002.toString("utf8").split("\n");
    // Line 9: the second event loses its title; line 10: a region code that is no code.
    lines[8] = lines[8]!.replace("| Проведение выездной проверки качества образования в школах с низкими результатами ВПР |", "|  |");
    lines[9] = lines[9]!.replace(/^\| 23 \|/, "| двадцать три |");
    return Buffer.from(lines.join("\n"));
  };

  it("is refused with row and column errors, and nothing is imported", async () => {
    const before = await counts();
    const result = await importRoadmap({ scope: coordinator, bytes: broken(), fileName: "broken.md" });
    expect(result).toMatchObject({ imported: 0, updated: 0, rows: [] });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 9, column: "Все мероприятия, запланированные в муниципальной дорожной карте" }),
      expect.objectContaining({ row: 10, column: "Код региона" }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a municipality the file names but the directory does not know, and one the caller does not coordinate", async () => {
    const before = await counts();
    const text = SEED_002.toString("utf8");
    const unknown = await importRoadmap({
      scope: coordinator,
      bytes: Buffer.from(text.replaceAll("| 23 | Краснодар |", "| 23 | Атлантида |")),
    });
    expect(unknown.errors[0]).toMatchObject({
      row: 8,
      column: "Муниципалитет",
      message: "Муниципалитет «Атлантида» не найден в регионе 23.",
    });
    const foreign = await importRoadmap({
      scope: coordinator,
      bytes: Buffer.from(text.replaceAll("| 23 | Краснодар |", "| 23 | Славянский район |")),
    });
    expect(foreign.errors[0]).toMatchObject({ row: 8, column: "Муниципалитет", message: "Вы не ведёте планы этого муниципалитета." });
    const otherRegion = await importRoadmap({
      scope: coordinator,
      bytes: Buffer.from(text.replaceAll("| 23 | Краснодар |", "| 42 | Краснодар |")),
    });
    expect(otherRegion.errors[0]).toMatchObject({ row: 8, column: "Код региона" });
    expect(await counts()).toEqual(before);
  });

  it("a school coordinator or an auditor cannot import", async () => {
    const auditor = (await userWithRole("auditor@test.local", "REGION_AUDITOR", { regionId })).scope;
    const result = await importRoadmap({ scope: auditor, bytes: SEED_002 });
    expect(result.errors).toHaveLength(15);
    expect(result.errors[0]!.message).toBe("Вы не ведёте планы этого муниципалитета.");
  });
});
