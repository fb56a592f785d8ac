import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { db } from "@/lib/server/db/client";
import { getFile } from "@/lib/server/files/get-file";
import { s3Storage } from "@/lib/server/files/s3-storage";
import { storeFile } from "@/lib/server/files/store-file";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { pdfSample } from "../support/file-samples";
import { useTestDatabase } from "../support/test-database";
import { createStudent } from "../support/operations";

/** Erasure on request with files in an S3 bucket (s3rver): the object goes with the record. */

useTestDatabase();

const BUCKET = "metodaudit-children";
const directory = mkdtempSync(path.join(os.tmpdir(), "metodaudit-s3-children-"));
let server: FakeS3;

beforeAll(async () => {
  server = await startFakeS3({ directory, buckets: [BUCKET] });
  vi.stubEnv("STORAGE_DRIVER", "s3");
  vi.stubEnv("S3_ENDPOINT", server.endpoint);
  vi.stubEnv("S3_BUCKET", BUCKET);
  vi.stubEnv("S3_ACCESS_KEY_ID", "S3RVER");
  vi.stubEnv("S3_SECRET_ACCESS_KEY", "S3RVER");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe("erasure with files in S3", () => {
  it("removes the child's ИУП from the bucket, and the record and its row in one go", async () => {
    const t = await buildTwoTenants("s3k");
    const { scope } = await userWithRole("school@s3k.test", "SCHOOL_COORDINATOR", {
      regionId: t.regionA.id,
      municipalityId: t.a1.id,
      organizationId: t.a1s1.id,
    });
    const owner = { regionId: t.regionA.id, municipalityId: t.a1.id, organizationId: t.a1s1.id };
    const file = await storeFile({
      scope,
      owner,
      name: "ИУП Облачный Олег.pdf",
      bytes: pdfSample("ИУП"),
      allowed: ALL_FILE_KINDS,
      forChildRecord: true,
    });
    const student = await createStudent({
      scope,
      input: {
        organizationId: t.a1s1.id,
        schoolYear: "2025/2026",
        fullName: "Облачный Олег",
        grade: "5",
        iupPresent: true,
        iupFileId: file.id,
        teacherIds: [],
        status: "STUDYING",
      },
    });
    const { storageKey } = await db().storedFile.findUniqueOrThrow({ where: { id: file.id } });
    const bucket = s3Storage(server.settings(BUCKET));
    await expect(bucket.read(storageKey)).resolves.toBeDefined();

    await eraseStudent({ scope, id: student.id });
    await expect(bucket.read(storageKey)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(getFile({ scope, id: file.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().dotStudent.count({ where: { id: student.id } })).toBe(0);
  });
});
