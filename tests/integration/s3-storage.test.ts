import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { S3Settings } from "@/lib/env";
import { s3Storage } from "@/lib/server/files/s3-storage";
import { localDiskStorage, newStorageKey, storage, type StorageDriver } from "@/lib/server/files/storage";
import { pdfSample } from "../support/file-samples";

// s3rver ships no types; this is the part of its API used here.
interface FakeS3 {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => FakeS3;

const BUCKET = "metodaudit-files";
const directory = mkdtempSync(path.join(os.tmpdir(), "metodaudit-s3-"));
const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET }] });
let settings: S3Settings;
let bucket: StorageDriver;

beforeAll(async () => {
  const { port } = await server.run();
  // s3rver's default credentials; it checks the signature of every request.
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    bucket: BUCKET,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  bucket = s3Storage(settings);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

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
