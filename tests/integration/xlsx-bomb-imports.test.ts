import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as uploadRoute } from "@/app/api/files/route";
import { POST as schoolsRoute } from "@/app/api/municipalities/[id]/schools/route";
import { POST as roadmapRoute } from "@/app/api/plans/import/route";
import { POST as studentsRoute } from "@/app/api/school/students/records/route";
import { POST as templateRoute } from "@/app/api/templates/import/route";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { bombSpellings } from "../unit/property/hostile-samples";
import { fingerprint, messagesOf, uploadRequest } from "./hostile-input-support";

/**
 * Issue 15, point 5: the 1.6 KB workbook whose merged range covers the whole
 * sheet (seventeen billion cells for exceljs), its sheet part spelled every way a
 * guard of names like "xl/worksheets/x.xml" missed (a leading slash, backslashes,
 * ".xml.x", "./", "..", "//", upper case, a NUL, a local header naming another
 * part, the same name twice) and the other ways exceljs read more than the guard
 * counted (character references, ">" in an attribute, a defined name, <col>),
 * sent to every import and to the upload route: each answers 422 in Russian
 * within a second, and neither the database nor the process's memory grows.
 */

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

useScratchStorage("metodaudit-bombs-");

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Target {
  name: string;
  caller: () => Scope;
  call: (bytes: Uint8Array) => Promise<Response>;
}

let admin: Scope;
let mo: Scope;
let school: Scope;
let municipalityId: string;
let owner: string;

beforeAll(async () => {
  const t = await buildTwoTenants("bmb");
  municipalityId = t.a1.id;
  owner = `organization:${t.a1s1.id}`;
  admin = (await userWithRole("admin@bmb.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  mo = (await userWithRole("mo@bmb.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id })).scope;
  school = (
    await userWithRole("school@bmb.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
});

const post = (route: Route, url: string, bytes: Uint8Array, fields: Record<string, string> = {}, params: Record<string, string> = {}) =>
  route(uploadRequest(url, { bytes, name: "книга.xlsx" }, fields), { params: Promise.resolve(params) });

const TARGETS: Target[] = [
  {
    name: "ДОТ records import",
    caller: () => school,
    call: (bytes) =>
      post(studentsRoute as Route, "http://localhost/api/school/students/records", bytes, { kind: "students", schoolYear: "2025/2026" }),
  },
  {
    name: "schools import",
    caller: () => mo,
    call: (bytes) =>
      post(schoolsRoute as Route, `http://localhost/api/municipalities/${municipalityId}/schools`, bytes, {}, { id: municipalityId }),
  },
  {
    name: "roadmap import",
    caller: () => mo,
    call: (bytes) => post(roadmapRoute as Route, "http://localhost/api/plans/import", bytes, { schoolYear: "2025/2026" }),
  },
  {
    name: "template import",
    caller: () => admin,
    call: (bytes) => post(templateRoute as Route, "http://localhost/api/templates/import", bytes),
  },
  {
    name: "upload route",
    caller: () => school,
    call: (bytes) => post(uploadRoute as Route, "http://localhost/api/files", bytes, { owner }),
  },
];

const MEGABYTE = 1024 * 1024;

describe.each(TARGETS)("the bomb workbook sent to the $name", (target) => {
  it("is refused with 422 in Russian within a second under every spelling, and nothing grows", async () => {
    vi.mocked(getScope).mockResolvedValue(target.caller());
    const spellings = bombSpellings();
    const before = await fingerprint();
    const rss = process.memoryUsage().rss;
    for (const { label, bytes } of spellings) {
      expect(bytes.length, label).toBeLessThan(2_100);
      const started = performance.now();
      const response = await target.call(bytes);
      const elapsed = performance.now() - started;
      const text = await response.text();
      expect(response.status, `${label}: ${text.slice(0, 200)}`).toBe(422);
      const messages = messagesOf(JSON.parse(text));
      expect(messages.length, label).toBeGreaterThan(0);
      for (const message of messages) expect(message, label).toMatch(/[А-Яа-яЁё]/u);
      expect(elapsed, label).toBeLessThan(1_000);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MEGABYTE);
    expect(await fingerprint()).toEqual(before);
  });
});
