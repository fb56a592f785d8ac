import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/plans/[id]/export/route";
import { POST as importRoute } from "@/app/api/plans/import/route";
import type { Scope } from "@/lib/scope";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureRegion } from "@/lib/server/seed/factories";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
const seed = readFileSync(ROADMAP_002_PATH);

function upload(bytes: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "отчет.md", { type: "text/markdown" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return importRoute(new Request("http://localhost/api/plans/import", { method: "POST", body: form }), { params: Promise.resolve({}) });
}
const exportPlan = (id: string, format = "xlsx") =>
  exportRoute(new Request(`http://localhost/api/plans/${id}/export?format=${format}`), { params: Promise.resolve({ id }) });

let coordinator: Scope;
let auditor: Scope;
let stranger: Scope;

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  const other = await ensureRegion(db(), { code: "42", name: "Кемеровская область — Кузбасс" });
  const krasnodar = await ensureMunicipality(db(), { regionId: region.id, name: "город Краснодар", aliases: ["Краснодар"] });
  coordinator = (await userWithRole("mo@routes.test", "MUNICIPAL_COORDINATOR", { regionId: region.id, municipalityId: krasnodar.id }))
    .scope;
  auditor = (await userWithRole("auditor@routes.test", "REGION_AUDITOR", { regionId: region.id })).scope;
  stranger = (await userWithRole("admin@routes-42.test", "REGION_ADMIN", { regionId: other.id })).scope;
});

describe("plan routes", () => {
  it("import: a preview, then the import; a file with errors answers 422 by row and column", async () => {
    as(coordinator);
    const preview = await upload(seed, { dryRun: "true" });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, imported: 15, updated: 0 });
    expect(await db().planEvent.count()).toBe(0);

    const imported = await upload(seed);
    expect(await imported.json()).toMatchObject({ dryRun: false, imported: 15, errors: [] });

    const broken = await upload(Buffer.from(seed.toString("utf8").replace("| 22 сентября 2020 года |", "|  |")));
    expect(broken.status).toBe(422);
    expect((await broken.json()).errors).toEqual([expect.objectContaining({ row: 8, column: "Дата проведения мероприятия" })]);
  });

  it("import: refused without a session and to an auditor", async () => {
    as(null);
    expect((await upload(seed)).status).toBe(401);
    as(auditor);
    expect((await upload(seed)).status).toBe(403);
  });

  it("export: the plan's reader gets the file; a stranger and a made-up id get 404", async () => {
    const plan = await db().plan.findFirstOrThrow();
    as(auditor);
    const xlsx = await exportPlan(plan.id);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const csv = await exportPlan(plan.id, "csv");
    expect(await csv.text()).toContain("Код региона;Муниципалитет;");
    as(stranger);
    expect((await exportPlan(plan.id)).status).toBe(404);
    expect((await exportPlan("not-an-id")).status).toBe(404);
    as(auditor);
    expect((await exportPlan(plan.id, "docx")).status).toBe(422);
  });
});
