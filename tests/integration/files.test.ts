import { mkdtempSync, readFileSync } from "node:fs";
import { chmod, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/files/route";
import { GET } from "@/app/api/files/[id]/route";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { DOCX_ENCRYPTED, DOCX_WITH_MACROS, LEGACY_DOC } from "@/lib/domain/files/read-docx";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { getFile } from "@/lib/server/files/get-file";
import { resolveFileOwner } from "@/lib/server/files/resolve-file-owner";
import { localDiskStorage, newStorageKey } from "@/lib/server/files/storage";
import { storeFile, type FileOwner } from "@/lib/server/files/store-file";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { docxSample, exeSample, htmlSample, pdfSample } from "../support/file-samples";
import { refusal as errorOf } from "../support/refusals";
import { filesUnder, useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { createDocument } from "../support/operations";

useTestDatabase();

// Uploads of this file land in a directory of its own, chosen the way production chooses it.
const storageRoot = useScratchStorage("metodaudit-files-");

// The route handlers run as whoever `caller` is; everything below the session is real.
let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let roles: Record<"schoolA1" | "otherSchoolA1" | "moA1" | "moA2" | "auditorA" | "adminB", Scope>;
let schoolOwner: FileOwner;

beforeAll(async () => {
  t = await buildTwoTenants("fil");
  const inA = (ids: { municipalityId?: string; organizationId?: string }) => ({ regionId: t.regionA.id, ...ids });
  const scope = async (...args: Parameters<typeof userWithRole>) => (await userWithRole(...args)).scope;
  roles = {
    schoolA1: await scope("school@fil.test", "SCHOOL_COORDINATOR", inA({ municipalityId: t.a1.id, organizationId: t.a1s1.id })),
    otherSchoolA1: await scope("school2@fil.test", "SCHOOL_COORDINATOR", inA({ municipalityId: t.a1.id, organizationId: t.a1s2.id })),
    moA1: await scope("mo1@fil.test", "MUNICIPAL_COORDINATOR", inA({ municipalityId: t.a1.id })),
    moA2: await scope("mo2@fil.test", "MUNICIPAL_COORDINATOR", inA({ municipalityId: t.a2.id })),
    auditorA: await scope("auditor@fil.test", "REGION_AUDITOR", inA({})),
    adminB: await scope("admin@fil-b.test", "REGION_ADMIN", { regionId: t.regionB.id }),
  };
  schoolOwner = { regionId: t.regionA.id, municipalityId: t.a1.id, organizationId: t.a1s1.id };
});

beforeEach(() => {
  caller = null;
});

const filesOnDisk = async () => (await filesUnder(storageRoot)).length;

const bytesOf = async (file: { read: () => Promise<NodeJS.ReadableStream> }) => buffer(await file.read());

const uploadPdf = (scope: Scope, name = "Акт проверки.pdf") =>
  storeFile({ scope, owner: schoolOwner, name, bytes: pdfSample(name), allowed: ALL_FILE_KINDS });

describe("a school's file", () => {
  it("is uploaded by the school's coordinator and read back byte for byte", async () => {
    const before = await filesOnDisk();
    const owner = await resolveFileOwner({ scope: roles.schoolA1, reference: `organization:${t.a1s1.id}` });
    expect(owner).toEqual(schoolOwner);
    const stored = await storeFile({
      scope: roles.schoolA1,
      owner,
      name: "C:\\Users\\Завуч\\Акт проверки.pdf",
      bytes: pdfSample(),
      allowed: ["PDF"],
    });
    expect(stored).toMatchObject({ name: "Акт проверки.pdf", mimeType: "application/pdf", size: pdfSample().length });
    expect(await filesOnDisk()).toBe(before + 1);

    const file = await getFile({ scope: roles.schoolA1, id: stored.id });
    expect(file).toMatchObject({ id: stored.id, name: "Акт проверки.pdf", mimeType: "application/pdf" });
    expect((await bytesOf(file)).equals(pdfSample())).toBe(true);
  });

  it("is its uploader's alone until saved with what it is for; then read by that owner's readers", async () => {
    const stored = await uploadPdf(roles.schoolA1);
    for (const scope of [roles.moA1, roles.auditorA, roles.otherSchoolA1]) {
      expect((await errorOf(() => getFile({ scope, id: stored.id }))).code).toBe("NOT_FOUND");
    }
    // Filed in the school's registry: the registry's readers (the municipality, the region's staff) read the scan.
    await createDocument({
      scope: roles.schoolA1,
      input: {
        owner: `organization:${t.a1s1.id}`,
        type: "приказ",
        date: "2025-01-15",
        number: "7",
        title: "Акт проверки",
        fileId: stored.id,
      },
    });
    for (const scope of [roles.schoolA1, roles.moA1, roles.auditorA]) {
      expect((await bytesOf(await getFile({ scope, id: stored.id }))).equals(pdfSample("Акт проверки.pdf"))).toBe(true);
    }
  });

  it("is not found by another school, another municipality, another region or a user without roles", async () => {
    const stored = await uploadPdf(roles.schoolA1);
    await createDocument({
      scope: roles.schoolA1,
      input: { owner: `organization:${t.a1s1.id}`, type: "приказ", date: "2025-01-16", number: "8", title: "Акт", fileId: stored.id },
    });
    const noRoles = { ...roles.schoolA1, memberships: [] };
    for (const scope of [roles.otherSchoolA1, roles.moA2, roles.adminB, noRoles]) {
      expect((await errorOf(() => getFile({ scope, id: stored.id }))).code).toBe("NOT_FOUND");
    }
  });

  it("cannot be claimed by someone who did not upload it, nor by a second owner", async () => {
    const stored = await uploadPdf(roles.schoolA1);
    const claim = (scope: Scope, number: string) =>
      createDocument({
        scope,
        input: { owner: `organization:${t.a1s1.id}`, type: "приказ", date: "2025-01-17", number, title: "Акт", fileId: stored.id },
      });
    expect((await errorOf(() => claim(roles.moA1, "9"))).fieldErrors).toEqual({ fileId: ["Файл не найден: загрузите его заново."] });
    await claim(roles.schoolA1, "10");
    expect((await errorOf(() => claim(roles.schoolA1, "11"))).code).toBe("VALIDATION");
  });

  it("cannot be uploaded for that school by anyone outside it, and nothing is left behind", async () => {
    const before = { rows: await db().storedFile.count(), files: await filesOnDisk() };
    for (const scope of [roles.otherSchoolA1, roles.moA2, roles.adminB]) {
      expect((await errorOf(() => uploadPdf(scope))).code).toBe("NOT_FOUND");
      const reference = `organization:${t.a1s1.id}`;
      expect((await errorOf(() => resolveFileOwner({ scope, reference }))).code).toBe("NOT_FOUND");
    }
    expect({ rows: await db().storedFile.count(), files: await filesOnDisk() }).toEqual(before);
  });

  it("cannot be filed under another region by its own coordinator", async () => {
    const elsewhere = { ...schoolOwner, regionId: t.regionB.id };
    const error = await errorOf(() =>
      storeFile({ scope: roles.schoolA1, owner: elsewhere, name: "a.pdf", bytes: pdfSample(), allowed: ["PDF"] }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("a refused upload", () => {
  it("tells why and leaves no row and no file", async () => {
    const before = { rows: await db().storedFile.count(), files: await filesOnDisk() };
    const upload = (name: string, bytes: Buffer) =>
      storeFile({ scope: roles.schoolA1, owner: schoolOwner, name, bytes, allowed: ["PDF", "DOCX", "JPG", "PNG"] });
    for (const [name, bytes] of [
      ["отчёт.pdf", exeSample()],
      ["страница.pdf", htmlSample()],
    ] as const) {
      const error = await errorOf(() => upload(name, bytes));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toBe("Допустимы файлы PDF, DOCX, JPG, PNG; содержимое этого файла — не один из них.");
    }
    expect((await errorOf(() => upload("пусто.pdf", Buffer.alloc(0)))).message).toBe("Файл пустой.");
    expect({ rows: await db().storedFile.count(), files: await filesOnDisk() }).toEqual(before);
  });

  it("says why a Word file that is no DOCX is refused: macros, a password, the old .doc", async () => {
    const before = { rows: await db().storedFile.count(), files: await filesOnDisk() };
    const fixture = (name: string) => readFileSync(path.join("tests/fixtures/docx", name));
    for (const [name, message] of [
      ["macros.docm", DOCX_WITH_MACROS],
      ["encrypted.docx", DOCX_ENCRYPTED],
      ["legacy.doc", LEGACY_DOC],
    ] as const) {
      const error = await errorOf(() =>
        storeFile({ scope: roles.schoolA1, owner: schoolOwner, name, bytes: fixture(name), allowed: ["PDF", "DOCX", "JPG", "PNG"] }),
      );
      expect(error.message, name).toBe(message);
    }
    expect({ rows: await db().storedFile.count(), files: await filesOnDisk() }).toEqual(before);
  });

  it("removes the stored bytes again when the row cannot be saved", async () => {
    const before = await filesOnDisk();
    await db().$executeRawUnsafe(`ALTER TABLE "StoredFile" ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`);
    try {
      await expect(uploadPdf(roles.schoolA1)).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`ALTER TABLE "StoredFile" DROP CONSTRAINT test_refuse_all`);
    }
    expect(await filesOnDisk()).toBe(before);
  });
});

describe("local storage", () => {
  it("refuses keys that would reach outside its root", async () => {
    const disk = localDiskStorage(storageRoot);
    for (const key of ["../../etc/passwd", "ab/cd/../../../x", "/etc/passwd", "Акт проверки.pdf"]) {
      await expect(disk.read(key)).rejects.toThrow(/Not a storage key/);
      await expect(disk.put(key, pdfSample())).rejects.toThrow(/Not a storage key/);
    }
  });

  it("writes files readable by the server's account only, in folders only it may enter, a root made wider narrowed", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "metodaudit-modes-"));
    try {
      await chmod(root, 0o755);
      const disk = localDiskStorage(root);
      const key = newStorageKey();
      await disk.put(key, pdfSample());
      const mode = async (p: string) => (await stat(p)).mode & 0o777;
      const [first, second] = key.split("/") as [string, string];
      expect(await mode(root)).toBe(0o700);
      expect(await mode(path.join(root, first))).toBe(0o700);
      expect(await mode(path.join(root, first, second))).toBe(0o700);
      expect(await mode(path.join(root, ...key.split("/")))).toBe(0o600);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("over HTTP", () => {
  const post = (form: FormData, headers: Record<string, string> = {}) =>
    POST(new Request("http://localhost/api/files", { method: "POST", body: form, headers }), {
      params: Promise.resolve({}),
    });
  const get = (id: string) => GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
  const blobOf = (bytes: Uint8Array, type?: string) => new Blob([Uint8Array.from(bytes)], { type });
  const form = (fields: Record<string, string | Blob>, fileName = "Справка (итог).docx") => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === "string") data.append(key, value);
      else data.append(key, value, fileName);
    }
    return data;
  };

  it("uploads with 201 and downloads as an attachment of the stored type, whatever the browser claimed", async () => {
    caller = roles.moA1;
    const claimedPdf = blobOf(docxSample(), "application/pdf");
    const created = await post(form({ file: claimedPdf, owner: `municipality:${t.a1.id}` }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["createdAt", "id", "mimeType", "name", "size"]);
    expect(body).toMatchObject({
      name: "Справка (итог).docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: docxSample().length,
    });

    caller = roles.auditorA;
    expect((await get(body.id as string)).status).toBe(404);
    caller = roles.moA1;
    const download = await get(body.id as string);
    expect(download.status).toBe(200);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="_______ (____).docx"; filename*=UTF-8''%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.docx`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(docxSample())).toBe(true);

    caller = roles.moA2;
    expect((await get(body.id as string)).status).toBe(404);
  });

  it.each(["school:1", `region:${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}`, ""])(
    "answers 422 in Russian to the owner %j",
    async (owner) => {
      caller = roles.auditorA;
      const response = await post(form({ file: blobOf(pdfSample()), owner }));
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        error: { code: "VALIDATION", fieldErrors: { owner: ["Укажите, к какой организации или муниципалитету относится файл."] } },
      });
    },
  );

  it("answers 422 without a file, and to a body declared larger than 21 MB before reading it", async () => {
    caller = roles.schoolA1;
    const noFile = await post(form({ owner: `organization:${t.a1s1.id}` }));
    expect(noFile.status).toBe(422);
    expect(await noFile.json()).toMatchObject({ error: { fieldErrors: { file: ["Выберите файл."] } } });

    const huge = await post(form({ file: blobOf(pdfSample()), owner: `organization:${t.a1s1.id}` }), {
      "content-length": String(22 * 1024 * 1024),
    });
    expect(huge.status).toBe(422);
    expect(await huge.json()).toMatchObject({ error: { message: "Файл больше 20 МБ." } });
  });

  it("stops reading a body without a declared length once it passes 21 MB", async () => {
    caller = roles.schoolA1;
    let sent = 0;
    const megabyte = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += megabyte.length;
        controller.enqueue(megabyte);
      },
    });
    const request = new Request("http://localhost/api/files", {
      method: "POST",
      body: endless,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { message: "Файл больше 20 МБ." } });
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });

  it("answers 404 to an upload for another region's school and 401 without a session", async () => {
    caller = roles.adminB;
    const foreign = await post(form({ file: blobOf(pdfSample()), owner: `organization:${t.a1s1.id}` }));
    expect(foreign.status).toBe(404);
    caller = null;
    expect((await post(form({ file: blobOf(pdfSample()), owner: `organization:${t.a1s1.id}` }))).status).toBe(401);
  });
});
