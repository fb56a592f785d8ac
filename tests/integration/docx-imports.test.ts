import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as roadmapRoute } from "@/app/api/plans/import/route";
import { PARSE_LIMITS, parseDocxXml } from "@/lib/domain/files/parse-workbook";
import { DOCX_ENCRYPTED, DOCX_TOO_HEAVY, DOCX_WITH_MACROS, LEGACY_DOC, readDocx } from "@/lib/domain/files/read-docx";
import { entryNameRefusal } from "@/lib/domain/files/zip-entry-names";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureRegion } from "@/lib/server/seed/factories";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { buildZip } from "../unit/property/hostile-samples";
import { fingerprint, messagesOf, uploadRequest } from "./hostile-input-support";

/**
 * Word files through the roadmap import's route (the one import that takes them):
 * seed 002 as a Word table is imported; every hostile Word file is refused with
 * 422 and its Russian reason before anything is parsed, and those refused by the
 * archive's directory (bombs, a 50 MB body, names that are paths) and by their
 * OLE header (password, .doc) before anything is inflated, while the database and
 * the process's memory stay as they were. A heavy but valid body is refused by the
 * worker thread's memory limit, not by the server's.
 */

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));
vi.mock("@/lib/domain/files/parse-workbook", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/domain/files/parse-workbook")>();
  return { ...actual, parseDocxXml: vi.fn(actual.parseDocxXml) };
});
vi.mock("node:zlib", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:zlib")>();
  return { ...actual, inflateRaw: vi.fn(actual.inflateRaw) };
});

const { inflateRaw } = await import("node:zlib");

useTestDatabase();

let coordinator: Scope;

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
  const krasnodar = await ensureMunicipality(db(), { regionId: region.id, name: "город Краснодар", aliases: ["Краснодар"] });
  coordinator = (await userWithRole("mo@docx.test", "MUNICIPAL_COORDINATOR", { regionId: region.id, municipalityId: krasnodar.id })).scope;
  vi.mocked(getScope).mockResolvedValue(coordinator);
});

const fixture = (name: string) => readFileSync(`tests/fixtures/docx/${name}`);

const importRoadmap = (bytes: Uint8Array, name: string, fields: Record<string, string> = {}) =>
  (roadmapRoute as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(
    uploadRequest("http://localhost/api/plans/import", { bytes, name }, fields),
    { params: Promise.resolve({}) },
  );

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A valid document whose body is `rows` table rows of three short cells: about 100 bytes of XML a row. */
function tableDocx(rows: number): Buffer {
  const row =
    "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Строка</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>";
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:tbl>${row.repeat(rows)}</w:tbl></w:body></w:document>`;
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: xml },
  ]);
}

const MEGABYTE = 1024 * 1024;

describe("seed 002 as a Word table through the roadmap route", () => {
  it("previews, then imports the fifteen events, titled and dated as the Markdown's", async () => {
    const preview = await importRoadmap(fixture("roadmap-002.docx"), "отчёт.docx", { dryRun: "true" });
    expect(preview.status).toBe(200);
    const previewed = await preview.json();
    expect(previewed).toMatchObject({ dryRun: true, imported: 15, errors: [] });
    expect(previewed.notices[0]).toEqual({ kind: "sheet", row: null, message: "Документ Word: Таблица 1" });
    expect(await db().planEvent.count()).toBe(0);

    const imported = await importRoadmap(fixture("roadmap-002.docx"), "отчёт.docx");
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ imported: 15, updated: 0, errors: [] });
    const plan = await db().plan.findFirstOrThrow({ include: { events: { orderBy: { position: "asc" } } } });
    expect(plan.schoolYear).toBe("2020/2021");
    expect(plan.events.map((e) => e.timingText).slice(0, 3)).toEqual([
      "22 сентября 2020 года",
      "До 2 ноября 2020 года",
      "2 декабря 2020 года",
    ]);
  });
});

describe("hostile Word files sent to the roadmap route", () => {
  /** Built before the memory is measured: the body of 50 MB less 64 KB (the whole file may unpack to 50 MB) (45 bytes a paragraph), deflated here, in the test's own process. */
  const paragraph = "<w:p><w:r><w:t>Текст</w:t></w:r></w:p>";
  const body50 = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraph.repeat(Math.floor((50 * MEGABYTE - 64 * 1024) / Buffer.byteLength(paragraph)))}</w:body></w:document>`;
  const fifty = buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: body50 },
  ]);

  /** Refused from the archive's directory or the OLE header: nothing of them is inflated. */
  const BEFORE_INFLATING = [
    // 4 GB declared: over the 50 MB all the parts of an imported file may unpack to.
    { name: "bomb.docx", message: /^Файл распаковывается больше чем в 50 МБ/u },
    { name: "document-50mb.docx", message: /^Текст документа распаковывается больше чем в 20 МБ/u },
    { name: "slash-name.docx", message: entryNameRefusal("path") },
    { name: "dotdot-name.docx", message: entryNameRefusal("path") },
    { name: "encrypted.docx", message: DOCX_ENCRYPTED },
    { name: "legacy.doc", message: LEGACY_DOC },
  ];
  /** Inflated no further than each part declares, then refused. */
  const BEFORE_PARSING = [
    { name: "lying-bomb.docx", message: "Файл повреждён: его части распаковываются не в тот размер, который в нём указан." },
    { name: "macros.docm", message: DOCX_WITH_MACROS },
  ];
  const bytesOf = (name: string) => (name === "document-50mb.docx" ? fifty : fixture(name));

  it("refuses each with 422 and its reason, before inflating or parsing, and neither the database nor the memory grows", async () => {
    expect(Buffer.byteLength(body50)).toBeGreaterThan(49.9 * MEGABYTE);
    expect(fifty.length).toBeLessThan(5 * MEGABYTE);
    const before = await fingerprint();
    const rss = process.memoryUsage().rss;
    vi.mocked(parseDocxXml).mockClear();
    for (const [cases, inflates] of [
      [BEFORE_INFLATING, false],
      [BEFORE_PARSING, true],
    ] as const) {
      for (const { name, message } of cases) {
        vi.mocked(inflateRaw).mockClear();
        const response = await importRoadmap(bytesOf(name), name);
        const body = await response.json();
        expect(response.status, name).toBe(422);
        expect(messagesOf(body), name).toEqual([typeof message === "string" ? message : expect.stringMatching(message)]);
        // The spy sees the guard's inflating: the files it lets so far are inflated, the others never.
        if (inflates) expect(vi.mocked(inflateRaw), `${name} inflated`).toHaveBeenCalled();
        else expect(vi.mocked(inflateRaw), `${name} inflated`).not.toHaveBeenCalled();
      }
    }
    expect(vi.mocked(parseDocxXml)).not.toHaveBeenCalled();
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MEGABYTE);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("a heavy but valid Word document", () => {
  const limits = { ...PARSE_LIMITS, maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 };

  it("is refused as too heavy by the worker thread's memory limit, and the next document is read", async () => {
    const rss = process.memoryUsage().rss;
    // 120,000 rows: 12 MB of XML, within the 20 MB the guard admits; hundreds of thousands of cells to hold.
    const heavy = tableDocx(120_000);
    expect(await readDocx(heavy, { parseLimits: limits })).toEqual({ ok: false, message: DOCX_TOO_HEAVY });
    // The same limits read a document of a hundred rows: it was the weight, not the limits.
    const light = await readDocx(tableDocx(100), { parseLimits: limits });
    expect(light.ok && light.document.tables[0]!.rows).toHaveLength(100);
    expect(process.memoryUsage().rss - rss).toBeLessThan(128 * MEGABYTE);
  });
});
