import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as schoolsRoute } from "@/app/api/municipalities/[id]/schools/route";
import { SCHOOL_COLUMNS } from "@/lib/domain/directory/school-table";
import { AppError } from "@/lib/errors";
import {
  PARSE_LIMITS,
  PARSE_QUEUE,
  PARSE_SLOTS,
  PARSER_BUSY,
  parseWorkbook,
  WORKBOOK_TOO_HEAVY,
  WORKBOOK_TOO_SLOW,
} from "@/lib/domain/files/parse-workbook";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import { checkXlsx } from "@/lib/domain/files/zip-guard";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { minimalXlsx, sheetXml, wholeSheetMergeXlsx } from "../unit/property/hostile-samples";
import { fingerprint, messagesOf, uploadRequest } from "./hostile-input-support";

/**
 * The bounded place: a workbook that gets past the zip guard (here the guard is
 * told to let the seventeen-billion-cell bomb through, as a bypass found tomorrow
 * would) exhausts a worker thread's memory, not the server's: that one request is
 * refused in Russian, the process lives on, and the next import succeeds. A parse
 * past its deadline is refused the same way, and a server already parsing as many
 * workbooks as it allows refuses more at once as busy.
 */

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));
vi.mock("@/lib/domain/files/zip-guard", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/domain/files/zip-guard")>();
  return { ...actual, checkXlsx: vi.fn(actual.checkXlsx) };
});

useTestDatabase();

let mo: Scope;
let municipalityId: string;

beforeAll(async () => {
  const t = await buildTwoTenants("bnd");
  municipalityId = t.a1.id;
  mo = (await userWithRole("mo@bnd.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id })).scope;
  vi.mocked(getScope).mockResolvedValue(mo);
});

const schoolsXlsx = (name: string) =>
  minimalXlsx(sheetXml([SCHOOL_COLUMNS.map((c) => c.header), ["1", name, "ул. Мира, 1", "Иванов Иван Иванович", "8 (384) 3-00-00"]]));

const importSchools = (bytes: Uint8Array) =>
  (schoolsRoute as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(
    uploadRequest(`http://localhost/api/municipalities/${municipalityId}/schools`, { bytes, name: "школы.xlsx" }),
    { params: Promise.resolve({ id: municipalityId }) },
  );

describe("a workbook the guard let through", () => {
  it("that exhausts the worker's memory is refused for that request; the server lives on and the next import succeeds", async () => {
    vi.mocked(checkXlsx).mockResolvedValueOnce({ ok: true });
    const before = await fingerprint();
    const started = performance.now();
    const refused = await importSchools(wholeSheetMergeXlsx());
    const body = await refused.json();
    expect(refused.status, JSON.stringify(body).slice(0, 300)).toBe(422);
    expect(messagesOf(body)).toEqual([WORKBOOK_TOO_HEAVY]);
    expect(performance.now() - started).toBeLessThan(PARSE_LIMITS.timeoutMs);
    expect(await fingerprint()).toEqual(before);

    const imported = await importSchools(schoolsXlsx("МБОУ СОШ № 77"));
    expect(imported.status, await imported.clone().text()).toBe(200);
    expect(await db().organization.count({ where: { municipalityId, name: "МБОУ СОШ № 77" } })).toBe(1);
  }, 120_000);

  it("that parses past its deadline is refused, and the next parse succeeds", async () => {
    const workbook = schoolsXlsx("Гимназия № 2");
    expect(await readWorkbook(workbook, { parseLimits: { ...PARSE_LIMITS, timeoutMs: 1 } })).toEqual({
      ok: false,
      message: WORKBOOK_TOO_SLOW,
    });
    const read = await readWorkbook(workbook);
    expect(read.ok && read.workbook.sheets[0]!.rows[1]!.cells[1]).toMatchObject({
      kind: "string",
      value: "Гимназия № 2",
      text: "Гимназия № 2",
    });
  });
});

describe("a busy server", () => {
  it(`parses ${PARSE_SLOTS} workbooks at once, queues ${PARSE_QUEUE}, and refuses more at once, in Russian`, async () => {
    const workbook = schoolsXlsx("Лицей № 3");
    // Workers of their own (other limits than the pooled ones): each takes a moment to start.
    const limits = { ...PARSE_LIMITS, timeoutMs: 60_000 };
    // Straight to the pool (the guard, awaited first, would let the first parses end before the last arrive).
    const accepted = Array.from({ length: PARSE_SLOTS + PARSE_QUEUE }, () => parseWorkbook(workbook, limits));
    const refusal = await parseWorkbook(workbook, limits).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", message: PARSER_BUSY });
    for (const result of await Promise.all(accepted)) expect(result.ok).toBe(true);
    expect((await readWorkbook(workbook)).ok).toBe(true);
  }, 120_000);
});
