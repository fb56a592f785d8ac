import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as schoolsRoute } from "@/app/api/municipalities/[id]/schools/route";
import { POST as roadmapRoute } from "@/app/api/plans/import/route";
import { POST as recordsRoute } from "@/app/api/school/students/records/route";
import { ZRoadmapImportResult, ZSchoolImportResult, ZStudentRecordImportResult } from "@/lib/schemas/import";
import type { Scope } from "@/lib/scope";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureOrganization, ensureRegion } from "@/lib/server/seed/factories";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

/**
 * The import screen reads every import route's answer with the schema in
 * lib/schemas/import: a preview, an import and a refusal of each route must pass it,
 * or the screen would say the server did not answer.
 */

const SCHOOL_HEADER = "№;Наименование общеобразовательной организации;Юридический адрес;ФИО руководителя;Контактный телефон";
const TEACHER_HEADER = "ФИО;Предмет;Нужны курсы ПК;Курсы ПК";
const roadmap = readFileSync(ROADMAP_002_PATH, "utf8");

let municipalityId: string;
let coordinator: Scope;
let schoolCoordinator: Scope;

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  const krasnodar = await ensureMunicipality(db(), { regionId: region.id, name: "город Краснодар", aliases: ["Краснодар"] });
  municipalityId = krasnodar.id;
  const ids = { regionId: region.id, municipalityId };
  const school = await ensureOrganization(db(), { ...ids, kind: "SCHOOL", name: "МБОУ СОШ № 1", phone: "3-00-01" });
  coordinator = (await userWithRole("mo@answers.test", "MUNICIPAL_COORDINATOR", ids)).scope;
  schoolCoordinator = (await userWithRole("school@answers.test", "SCHOOL_COORDINATOR", { ...ids, organizationId: school.id })).scope;
});

function upload(url: string, text: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([text], url.includes("plans") ? "отчет.md" : "таблица.csv"));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request(`http://localhost${url}`, { method: "POST", body: form });
}

/** Preview, import, then refuse a broken file: each answer read as the screen reads it. */
async function answers(send: (text: string, dryRun: boolean) => Promise<Response>, good: string, broken: string) {
  const read = async (response: Response) => ({ status: response.status, body: await response.json() });
  return {
    preview: await read(await send(good, true)),
    imported: await read(await send(good, false)),
    refused: await read(await send(broken, false)),
  };
}

describe("every import route answers in the shape its screen reads", () => {
  it("schools: rows new and changed, with the stored name and the fields changed", async () => {
    vi.mocked(getScope).mockResolvedValue(coordinator);
    const params = { params: Promise.resolve({ id: municipalityId }) };
    const url = `/api/municipalities/${municipalityId}/schools`;
    const send = (text: string, dryRun: boolean) => schoolsRoute(upload(`${url}${dryRun ? "?dryRun=1" : ""}`, text), params);
    const { preview, imported, refused } = await answers(
      send,
      `${SCHOOL_HEADER}\n1;МБОУ СОШ № 1;;;3-00-02\n2;МБОУ СОШ № 2;;;\n`,
      `${SCHOOL_HEADER}\n1;;ул. Новая, 6;;\n`,
    );
    expect(ZSchoolImportResult.parse(preview.body)).toEqual({
      dryRun: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      rows: [
        { row: 2, name: "МБОУ СОШ № 1", action: "update", previousName: "МБОУ СОШ № 1", changes: ["phone"] },
        { row: 3, name: "МБОУ СОШ № 2", action: "create" },
      ],
      errors: [],
      notices: [{ kind: "encoding", row: null, message: "Кодировка: UTF-8, разделитель «;»" }],
      sheets: [],
    });
    expect(ZSchoolImportResult.parse(imported.body)).toMatchObject({ dryRun: false, created: 1, updated: 1 });
    expect(refused.status).toBe(422);
    expect(ZSchoolImportResult.parse(refused.body)).toMatchObject({
      rows: [],
      errors: [{ row: 2, column: "Наименование общеобразовательной организации" }],
    });
  });

  it("ДОТ records: rows with the columns an update changes", async () => {
    vi.mocked(getScope).mockResolvedValue(schoolCoordinator);
    const fields = { kind: "teachers", schoolYear: "2025/2026" };
    const send = (text: string, dryRun: boolean) =>
      recordsRoute(upload(`/api/school/students/records${dryRun ? "?dryRun=1" : ""}`, text, fields), { params: Promise.resolve({}) });
    const { preview, imported, refused } = await answers(
      send,
      `${TEACHER_HEADER}\nПедагогова Анна;физика;да;\n`,
      `${TEACHER_HEADER}\n;;;\n`,
    );
    expect(ZStudentRecordImportResult.parse(preview.body)).toEqual({
      dryRun: true,
      created: 1,
      updated: 0,
      unchanged: 0,
      rows: [{ row: 2, name: "Педагогова Анна", action: "create", changes: [] }],
      errors: [],
      notices: [{ kind: "encoding", row: null, message: "Кодировка: UTF-8, разделитель «;»" }],
      sheets: [],
    });
    expect(ZStudentRecordImportResult.parse(imported.body)).toMatchObject({ dryRun: false, created: 1 });
    expect(refused.status).toBe(422);
    expect(ZStudentRecordImportResult.parse(refused.body)).toMatchObject({ rows: [], created: 0 });
  });

  it("roadmap: events with their municipality, dates as read, people and documents, and the plans written", async () => {
    vi.mocked(getScope).mockResolvedValue(coordinator);
    const send = (text: string, dryRun: boolean) =>
      roadmapRoute(upload(`/api/plans/import${dryRun ? "?dryRun=1" : ""}`, text), { params: Promise.resolve({}) });
    const { preview, imported, refused } = await answers(send, roadmap, roadmap.replace("| 22 сентября 2020 года |", "|  |"));
    const previewed = ZRoadmapImportResult.parse(preview.body);
    expect(previewed).toMatchObject({ dryRun: true, imported: 15, updated: 0, errors: [] });
    // Seed 002 has an explanatory row under its header and signs off under the table: both are named, not imported.
    expect(previewed.notices.map(({ kind, row }) => [kind, row])).toEqual([
      ["encoding", null],
      ["explanation", 7],
      ["left-out", 33],
      ["left-out", 37],
    ]);
    expect(previewed.notices[3]?.message).toBe("«О.А.Саркисян» — не импортировано: подпись/примечание под таблицей");
    expect(previewed.rows[0]).toMatchObject({ row: expect.any(Number), municipality: "город Краснодар", action: "create" });
    const done = ZRoadmapImportResult.parse(imported.body);
    expect(done).toMatchObject({ dryRun: false, imported: 15 });
    expect(done.planIds).toHaveLength(1);
    expect(refused.status).toBe(422);
    expect(ZRoadmapImportResult.parse(refused.body)).toMatchObject({ rows: [], planIds: [], errors: [{ row: 8 }] });
  });
});
