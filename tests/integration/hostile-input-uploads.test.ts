import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/files/route";
import { MAX_FILE_NAME_LENGTH } from "@/lib/domain/files/file-names";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { docmSample, docxSample, exeSample, htmlSample, pdfSample, plainZipSample, svgSample, xlsxSample } from "../support/file-samples";
import { filesUnder, useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import {
  declaredBombDocx,
  declaredBombXlsx,
  elfSample,
  HOSTILE_FILE_NAMES,
  lyingBombDocx,
  lyingBombXlsx,
  manyEntriesXlsx,
  shellScriptSample,
  zip64BombXlsx,
} from "../unit/property/hostile-samples";
import { answered, expectRefused, fingerprint, rawUploadRequest, uploadRequest } from "./hostile-input-support";

/**
 * The upload route (POST /api/files) fed what an attacker would send: programs
 * and scripts named .pdf or .xlsx, zip bombs dressed as workbooks and documents,
 * damaged archives, random bytes, path-like and hostile file names, forms that are
 * not forms. A refusal is a 4xx in Russian that leaves no row and no file behind;
 * an accepted file keeps only a clean base name, never a path.
 */

useTestDatabase();

const storageRoot = useScratchStorage("metodaudit-hostile-");

let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));

const SEED = 20_260_210;
const URL_FILES = "http://localhost/api/files";
let owner: string;

beforeAll(async () => {
  const t = await buildTwoTenants("hup");
  caller = (
    await userWithRole("school@hup.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    })
  ).scope;
  owner = `organization:${t.a1s1.id}`;
});

const filesOnDisk = () => filesUnder(storageRoot);

const upload = (bytes: Uint8Array, name: string, fields: Record<string, string> = { owner }) =>
  answered(POST(uploadRequest(URL_FILES, { bytes, name }, fields), { params: Promise.resolve({}) }), `upload «${name.slice(0, 40)}»`);

async function expectNothingStored(call: () => Promise<void>) {
  const before = { db: await fingerprint(), files: await filesOnDisk() };
  await call();
  expect({ db: await fingerprint(), files: await filesOnDisk() }).toEqual(before);
}

describe("hostile uploads", () => {
  it("refuses programs, scripts, pages, bombs and broken archives under any name, with a 4xx in Russian, storing nothing", async () => {
    const workbook = await xlsxSample();
    const hostile: Array<[string, Uint8Array, string]> = [
      ["a Linux executable", elfSample(), "Акт проверки.pdf"],
      ["a Windows executable", exeSample(), "Приказ.pdf"],
      ["a Windows executable", exeSample(), "Таблица.xlsx"],
      ["a shell script", shellScriptSample(), "Справка.pdf"],
      ["a shell script", shellScriptSample(), "run.sh.docx"],
      ["an HTML page", htmlSample(), "отчёт.pdf"],
      ["an SVG with a script", svgSample(), "logo.png"],
      ["a plain ZIP", plainZipSample(), "архив.docx"],
      ["a macro-enabled document", docmSample(), "письмо.docx"],
      ["an XLSX zip bomb declaring 4 GB", declaredBombXlsx(), "таблица.xlsx"],
      ["an XLSX ZIP64 bomb declaring 1 TB", zip64BombXlsx(), "таблица.xlsx"],
      ["an XLSX zip bomb inflating to 2 GB", lyingBombXlsx(2), "таблица.xlsx"],
      ["a DOCX zip bomb declaring 4 GB", declaredBombDocx(), "справка.docx"],
      ["a DOCX zip bomb inflating to 1 GB", lyingBombDocx(1), "справка.docx"],
      ["a workbook of 5000 parts", manyEntriesXlsx(5_000), "таблица.xlsx"],
      ["a truncated workbook", workbook.subarray(0, workbook.length - 40), "таблица.xlsx"],
      ["a truncated document", docxSample().subarray(0, docxSample().length - 10), "справка.docx"],
      ["an empty file", new Uint8Array(), "пусто.pdf"],
      ["21 megabytes", Buffer.alloc(21 * 1024 * 1024, 0x25), "большой.pdf"],
    ];
    await expectNothingStored(async () => {
      for (const [i, [label, bytes, name]] of hostile.entries()) {
        await expectRefused(await upload(bytes, name), label);
        // The same under a hostile name.
        await expectRefused(await upload(bytes, HOSTILE_FILE_NAMES[i % HOSTILE_FILE_NAMES.length]!), `${label}, hostile name`);
      }
    });
  }, 180_000);

  it("refuses random bytes under random names", async () => {
    await expectNothingStored(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 5_000 }),
            fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map((b) => Buffer.concat([Buffer.from("PK\u0003\u0004"), b])),
          ),
          fc.oneof(fc.constantFrom(...HOSTILE_FILE_NAMES), fc.string({ unit: "binary", maxLength: 300 })),
          async (bytes, name) => {
            await expectRefused(await upload(bytes, name), "random bytes");
          },
        ),
        { seed: SEED, numRuns: 30 },
      );
    });
  }, 120_000);

  it("refuses what is not a form, a form without a file, a foreign or malformed owner, and a body announced too large", async () => {
    await expectNothingStored(async () => {
      const call = (request: Request) => POST(request, { params: Promise.resolve({}) });
      await expectRefused(
        await call(new Request(URL_FILES, { method: "POST", body: '{"file":"x"}', headers: { "content-type": "application/json" } })),
        "JSON body",
      );
      await expectRefused(
        await call(
          new Request(URL_FILES, { method: "POST", body: "--x\r\n\r\n", headers: { "content-type": "multipart/form-data; boundary=x" } }),
        ),
        "broken multipart",
      );
      await expectRefused(await call(uploadRequest(URL_FILES, null, { owner })), "no file");
      for (const reference of [
        "../../etc/passwd",
        "organization:../../x",
        "organization:00000000-0000-4000-8000-000000000000",
        "__proto__",
        "",
        "municipality:' OR 1=1 --",
      ]) {
        await expectRefused(await upload(pdfSample(), "акт.pdf", { owner: reference }), `owner ${reference}`);
      }
      await expectRefused(
        await call(
          new Request(URL_FILES, {
            method: "POST",
            body: new Uint8Array(10),
            headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(2 ** 40) },
          }),
        ),
        "announced a terabyte",
      );
    });
  });

  it("refuses a program even when the header's file name is crafted by hand", async () => {
    await expectNothingStored(async () => {
      for (const name of [
        'x.pdf"; name="owner',
        "x.pdf\r\nContent-Type: text/html",
        "x\u0000.pdf",
        "../../../../etc/cron.d/x.pdf",
        "C:\\..\\x.pdf",
      ]) {
        const response = await POST(rawUploadRequest(URL_FILES, name, elfSample(), { owner }), { params: Promise.resolve({}) });
        await expectRefused(response, `raw name ${JSON.stringify(name)}`);
      }
    });
  });
});

describe("a real file under a hostile name", () => {
  it("is stored under its clean base name only: no path, no control character, at most 200 characters, the bytes kept inside the storage root", async () => {
    const rows = await db().storedFile.count();
    const files = await filesOnDisk();
    // A part with an empty file name is what a browser sends when no file was chosen.
    await expectRefused(await upload(pdfSample(), ""), "an empty file name");
    const names = HOSTILE_FILE_NAMES.filter((name) => name !== "");
    for (const name of names) {
      const response = await upload(pdfSample(), name);
      expect(response.status, `${JSON.stringify(name).slice(0, 60)}: ${await response.clone().text()}`).toBe(201);
      const body = (await response.json()) as { name: string; mimeType: string };
      expect(body.mimeType).toBe("application/pdf");
      expect(body.name).not.toMatch(/[/\\\p{Cc}\p{Cf}\p{Cs}]/u);
      expect(body.name.length).toBeGreaterThan(0);
      expect(Array.from(body.name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
      expect(body.name).not.toMatch(/^\.\.?$/u);
    }
    expect(await db().storedFile.count()).toBe(rows + names.length);
    const now = await filesOnDisk();
    expect(now.length).toBe(files.length + names.length);
    for (const file of now) expect(path.resolve(file).startsWith(path.resolve(storageRoot) + path.sep)).toBe(true);
  });
});
