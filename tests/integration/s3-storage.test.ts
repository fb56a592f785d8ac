import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer as bytesOf } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { S3Settings } from "@/lib/env";
import { s3Storage } from "@/lib/server/files/s3-storage";
import { localDiskStorage, newStorageKey, storage, type StorageDriver } from "@/lib/server/files/storage";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { pdfSample } from "../support/file-samples";

const BUCKET = "metodaudit-files";
const directory = mkdtempSync(path.join(os.tmpdir(), "metodaudit-s3-"));
let server: FakeS3;
let settings: S3Settings;
let bucket: StorageDriver;

beforeAll(async () => {
  server = await startFakeS3({ directory, buckets: [BUCKET] });
  settings = server.settings(BUCKET);
  bucket = s3Storage(settings);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe("S3 storage", () => {
  it.each([
    ["a PDF", pdfSample("Акт проверки.pdf")],
    ["3 MB of random bytes", randomBytes(3 * 1024 * 1024)],
  ])("gives back %s byte for byte, and nothing once removed", async (_, bytes) => {
    const key = newStorageKey();
    await bucket.put(key, bytes);
    expect((await bytesOf(await bucket.read(key))).equals(bytes)).toBe(true);

    await bucket.remove(key);
    await expect(bucket.read(key)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("fails to read a missing key the way the local disk does, and removes it without complaint", async () => {
    const key = newStorageKey();
    const disk = localDiskStorage(directory);
    await expect(disk.read(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(bucket.read(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(bucket.remove(key)).resolves.toBeUndefined();
  });

  it("passes the readiness check while the bucket answers, and fails it for a missing bucket or an unreachable store", async () => {
    await expect(bucket.check()).resolves.toBeUndefined();
    await expect(s3Storage({ ...settings, bucket: "no-such-bucket" }).check()).rejects.toThrow();
    await expect(s3Storage({ ...settings, endpoint: "http://127.0.0.1:9" }).check()).rejects.toThrow();
  });

  it("refuses keys that try to escape before sending anything", async () => {
    // Nothing listens on this port: a request would fail with a connection error, not with the key check.
    const nowhere = s3Storage({ ...settings, endpoint: "http://127.0.0.1:9" });
    for (const key of ["../x", "ab/cd/../../../x", "/etc/passwd", "Акт проверки.pdf"]) {
      await expect(nowhere.put(key, pdfSample())).rejects.toThrow(/Not a storage key/);
      await expect(nowhere.read(key)).rejects.toThrow(/Not a storage key/);
      await expect(nowhere.remove(key)).rejects.toThrow(/Not a storage key/);
    }
  });

  it("is the configured storage with STORAGE_DRIVER=s3", async () => {
    vi.stubEnv("STORAGE_DRIVER", "s3");
    vi.stubEnv("S3_ENDPOINT", settings.endpoint);
    vi.stubEnv("S3_BUCKET", BUCKET);
    vi.stubEnv("S3_ACCESS_KEY_ID", settings.accessKeyId);
    vi.stubEnv("S3_SECRET_ACCESS_KEY", settings.secretAccessKey);
    const key = newStorageKey();
    await storage().put(key, pdfSample());
    expect((await bytesOf(await bucket.read(key))).equals(pdfSample())).toBe(true);
  });
});
