import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/templates/[templateId]/export/route";
import { POST as importRoute } from "@/app/api/templates/import/route";
import type { Scope } from "@/lib/scope";
import type { TTemplateDocument } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { exportTemplate } from "@/lib/server/templates/export-template";
import { importTemplate } from "@/lib/server/templates/import-template";
import { listTemplates } from "@/lib/server/templates/list-templates";
import { publishTemplateVersion } from "@/lib/server/templates/publish-template-version";
import { templateToJson } from "@/lib/domain/templates/template-json";
import { templateFromXlsx, templateToXlsx } from "@/lib/domain/templates/template-xlsx";
import { runCli } from "../support/cli";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { refusal as failure } from "../support/refusals";
import { scopeOf } from "../support/scope";
import { useTestDatabase } from "../support/test-database";

// Route handlers read the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

const databaseUrl = useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let adminA: Scope;
let auditorA: Scope;
let adminB: Scope;
let templateId: string;

beforeAll(async () => {
  t = await buildTwoTenants("tie");
  adminA = (await userWithRole("admin@tie-a.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  auditorA = (await userWithRole("auditor@tie-a.test", "REGION_AUDITOR", { regionId: t.regionA.id })).scope;
  adminB = (await userWithRole("admin@tie-b.test", "REGION_ADMIN", { regionId: t.regionB.id })).scope;
});

/** The school blank with one item's title changed, as an editor would change it. */
function changed(title: string): TTemplateDocument {
  const [first, ...rest] = SCHOOL_BLANK.content.items;
  return { ...SCHOOL_BLANK, content: { ...SCHOOL_BLANK.content, items: [{ ...first!, title }, ...rest] } };
}

const versionsOf = (id: string) =>
  db().templateVersion.findMany({ where: { templateId: id }, orderBy: { version: "asc" }, select: { version: true, status: true } });

const exportJson = async (scope: Scope, version?: number) => {
  const file = await exportTemplate({ scope, templateId, version, format: "json" });
  return { ...file, document: JSON.parse(file.bytes.toString("utf8")) as TTemplateDocument };
};

describe("importing and exporting templates", () => {
  it("a new key becomes the template at version 1, published, and exports as the same document", async () => {
    const result = await importTemplate({ scope: adminA, fileName: "бланк школы.xlsx", bytes: await templateToXlsx(SCHOOL_BLANK) });
    expect(result).toMatchObject({ version: 1, created: true });
    templateId = result.templateId;
    expect(await versionsOf(templateId)).toEqual([{ version: 1, status: "PUBLISHED" }]);

    const exported = await exportJson(auditorA);
    expect(exported.fileName).toBe("mcdo-school-coordinator-v1.json");
    expect(exported.mimeType).toBe("application/json; charset=utf-8");
    expect(exported.document).toStrictEqual({ ...SCHOOL_BLANK, version: 1 });
  });

  it("importing the same file again creates nothing", async () => {
    const again = await importTemplate({ scope: adminA, fileName: "копия.json", bytes: templateToJson({ ...SCHOOL_BLANK, version: 7 }) });
    expect(again).toMatchObject({ templateId, version: 1, created: false });
    expect(await versionsOf(templateId)).toEqual([{ version: 1, status: "PUBLISHED" }]);
  });

  it("changed content becomes the next version, published; export gives the newest unless a version is asked for", async () => {
    const result = await importTemplate({
      scope: adminA,
      fileName: "v2.xlsx",
      bytes: await templateToXlsx(changed("Соглашения (новая редакция)")),
    });
    expect(result).toMatchObject({ templateId, version: 2, created: true });
    expect(await versionsOf(templateId)).toEqual([
      { version: 1, status: "PUBLISHED" },
      { version: 2, status: "PUBLISHED" },
    ]);
    expect((await exportJson(auditorA)).document.content.items[0]!.title).toBe("Соглашения (новая редакция)");
    expect((await exportJson(auditorA, 1)).document).toStrictEqual({ ...SCHOOL_BLANK, version: 1 });
  });

  it("an open draft refuses other content, is exported only when asked for by number", async () => {
    const draft = await createNextVersion({ scope: adminA, templateId });
    expect(draft).toMatchObject({ version: 3, status: "DRAFT" });
    const error = await failure(importTemplate({ scope: adminA, fileName: "v3.json", bytes: templateToJson(changed("Третья редакция")) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(`У шаблона «${SCHOOL_BLANK.name}» есть черновик версии 3: опубликуйте его, затем повторите импорт.`);
    expect(await versionsOf(templateId)).toHaveLength(3);

    const same = await importTemplate({
      scope: adminA,
      fileName: "v2.json",
      bytes: templateToJson(changed("Соглашения (новая редакция)")),
    });
    expect(same).toMatchObject({ version: 2, created: false });

    expect((await exportJson(auditorA)).fileName).toBe("mcdo-school-coordinator-v2.json");
    expect((await exportJson(auditorA, 3)).fileName).toBe("mcdo-school-coordinator-v3.json");
    await publishTemplateVersion({ scope: adminA, versionId: draft.id });
  });

  it("a file that only renames the template renames it without a new version", async () => {
    const renamed = { ...changed("Соглашения (новая редакция)"), name: "Бланк школьного координатора (сокращённо)" };
    expect(await importTemplate({ scope: adminA, fileName: "имя.json", bytes: templateToJson(renamed) })).toMatchObject({
      version: 3,
      created: false,
    });
    expect((await exportJson(auditorA)).document.name).toBe("Бланк школьного координатора (сокращённо)");
    await importTemplate({ scope: adminA, fileName: "имя.json", bytes: templateToJson(changed("Соглашения (новая редакция)")) });
    expect((await exportJson(auditorA)).document.name).toBe(SCHOOL_BLANK.name);
    expect(await versionsOf(templateId)).toHaveLength(3);
  });

  it("refuses a file whose level differs from the template's", async () => {
    const error = await failure(
      importTemplate({ scope: adminA, fileName: "level.json", bytes: templateToJson({ ...SCHOOL_BLANK, level: "MUNICIPAL" }) }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain("Уровень в файле («Муниципальный координатор») не совпадает");
  });

  it("refuses an invalid file naming the file, the place and the problem, and stores nothing", async () => {
    const json = JSON.parse(templateToJson(MUNICIPAL_BLANK).toString("utf8"));
    json.content.items[0].children[1].kind = "ANSWER";
    const error = await failure(
      importTemplate({ scope: adminA, fileName: "../tmp/муниципальный.json", bytes: Buffer.from(JSON.stringify(json)) }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe("«муниципальный.json»: Шаблон не принят: content.items.0.children.1.kind: Выберите вид ответа.");
    expect(await db().template.count({ where: { key: MUNICIPAL_BLANK.key } })).toBe(0);
  });

  it("another region's admin can neither export the template, nor see it, nor import into its region", async () => {
    for (const call of [
      () => exportTemplate({ scope: adminB, templateId, format: "xlsx" }),
      () => exportTemplate({ scope: adminB, key: SCHOOL_BLANK.key, regionId: t.regionA.id, format: "json" }),
      () => importTemplate({ scope: adminB, regionId: t.regionA.id, fileName: "x.json", bytes: templateToJson(MUNICIPAL_BLANK) }),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
    expect(await listTemplates({ scope: adminB })).toEqual([]);
    expect((await listTemplates({ scope: auditorA })).map((x) => x.key)).toEqual([SCHOOL_BLANK.key]);
  });

  it("an auditor cannot import", async () => {
    const error = await failure(importTemplate({ scope: auditorA, fileName: "x.json", bytes: templateToJson(MUNICIPAL_BLANK) }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await db().template.count({ where: { key: MUNICIPAL_BLANK.key } })).toBe(0);
  });
});

describe("the route handlers", () => {
  const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
  const download = (query: string, id = templateId) =>
    exportRoute(new Request(`http://localhost/api/templates/${id}/export?${query}`), { params: Promise.resolve({ templateId: id }) });
  const upload = (name: string, bytes: Buffer, query = "") => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], name));
    const request = new Request(`http://localhost/api/templates/import${query}`, { method: "POST", body: form });
    return importRoute(request, { params: Promise.resolve({}) });
  };

  it("export answers with the file as an attachment", async () => {
    as(auditorA);
    const response = await download("format=xlsx&version=2");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="mcdo-school-coordinator-v2.xlsx"; filename*=UTF-8''mcdo-school-coordinator-v2.xlsx`,
    );
    const document = await templateFromXlsx(Buffer.from(await response.arrayBuffer()));
    expect(document).toStrictEqual({ ...changed("Соглашения (новая редакция)"), version: 2 });
  });

  it("export answers 404 to another region, 422 to a bad query, 401 without a session", async () => {
    as(adminB);
    expect((await download("format=json")).status).toBe(404);
    as(adminA);
    const bad = await download("format=pdf&version=0");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors).toEqual({
      version: ["Версия — целое положительное число."],
      format: ["Формат: «json» или «xlsx»."],
    });
    expect((await download("format=json&version=99")).status).toBe(404);
    as(null);
    expect((await download("format=json")).status).toBe(401);
  });

  it("import answers 201 with the new version, 200 when nothing changed, 403 to an auditor", async () => {
    as(adminA);
    const bytes = await templateToXlsx(MUNICIPAL_BLANK);
    const first = await upload("муниципальный бланк.xlsx", bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ version: 1, created: true });
    const second = await upload("муниципальный бланк.xlsx", bytes);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ version: 1, created: false });
    as(auditorA);
    expect((await upload("x.xlsx", bytes)).status).toBe(403);
  });

  it("import asks an admin of several regions which one", async () => {
    as(
      scopeOf(adminA.userId, [
        { role: "REGION_ADMIN", regionId: t.regionA.id },
        { role: "REGION_ADMIN", regionId: t.regionB.id },
      ]),
    );
    const bytes = await templateToXlsx(MUNICIPAL_BLANK);
    const unsure = await upload("муниципальный бланк.xlsx", bytes);
    expect(unsure.status).toBe(422);
    expect((await unsure.json()).error.message).toBe("Укажите регион: вы администратор нескольких регионов.");
    const chosen = await upload("муниципальный бланк.xlsx", bytes, `?regionId=${t.regionA.id}`);
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ version: 1, created: false });
  });

  it("import refuses a file over 5 MB and a broken file, naming it", async () => {
    as(adminA);
    const big = await upload("big.json", Buffer.alloc(5 * 1024 * 1024 + 1, " "));
    expect(big.status).toBe(422);
    expect((await big.json()).error.message).toBe("«big.json»: Файл больше 5 МБ.");
    const broken = await upload("broken.json", Buffer.from('{"format": "metodaudit.template/v1",'));
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.message).toMatch(/^«broken\.json»: Файл не читается как JSON: ошибка синтаксиса/);
  });
});

describe("the command line", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "metodaudit-templates-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl() });
  const ok = (...args: string[]) => {
    const result = cli(...args);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it("lists the only region's templates, exports a template and imports the same file as no change", async () => {
    expect(ok("template", "list")).toEqual([
      { key: MUNICIPAL_BLANK.key, name: MUNICIPAL_BLANK.name, level: "MUNICIPAL", version: 1, region: t.regionA.code },
      { key: SCHOOL_BLANK.key, name: SCHOOL_BLANK.name, level: "SCHOOL", version: 3, region: t.regionA.code },
    ]);

    const out = path.join(dir, "school.xlsx");
    expect(ok("template", "export", SCHOOL_BLANK.key, "--format", "xlsx", "--out", out)).toEqual({ written: out, version: 3 });
    const written = await templateFromXlsx(readFileSync(out));
    expect(written).toMatchObject({ key: SCHOOL_BLANK.key, version: 3 });

    expect(ok("template", "import", out, "--region", t.regionA.code)).toMatchObject({ version: 3, created: false });

    const v1 = path.join(dir, "school-v1.json");
    expect(
      ok("template", "export", SCHOOL_BLANK.key, "--version", "1", "--format", "json", "--out", v1, "--region", t.regionA.code),
    ).toEqual({
      written: v1,
      version: 1,
    });
    expect(JSON.parse(readFileSync(v1, "utf8"))).toStrictEqual({ ...SCHOOL_BLANK, version: 1 });
  });

  it("imports into another region, then asks which region when several hold templates", async () => {
    const out = path.join(dir, "school.xlsx");
    expect(ok("template", "import", out, "--region", t.regionB.code)).toMatchObject({ version: 1, created: true });
    expect((await listTemplates({ scope: adminB })).map((x) => x.key)).toEqual([SCHOOL_BLANK.key]);

    const result = cli("template", "list");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`templates are kept in several regions (${t.regionA.code}, ${t.regionB.code})`);
  });

  it("refuses an invalid file with exit code 1, naming the file and the problem", () => {
    const json = JSON.parse(templateToJson(SCHOOL_BLANK).toString("utf8"));
    json.content.items[0].kind = "ANSWER";
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify(json));
    const result = cli("template", "import", broken, "--region", t.regionA.code);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Error: «broken.json»: Шаблон не принят: content.items.0.kind: Выберите вид ответа.");
  });
});
