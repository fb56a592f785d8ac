import "server-only";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { S3Settings } from "@/lib/env";
import { assertStorageKey, type StorageDriver } from "./storage";

/** Objects in one bucket of AWS S3 or an S3-compatible store (MinIO, Yandex Object Storage, VK Cloud). */
export function s3Storage(config: S3Settings): StorageDriver {
  const { bucket } = config;
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default CRC32 checksums are refused by several S3-compatible stores;
    // the database keeps each file's SHA-256 anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    async put(key, bytes) {
      assertStorageKey(key);
      await client.send(
        // If-None-Match makes the store itself refuse to overwrite an existing object.
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, IfNoneMatch: "*" }),
      );
    },
    async read(key) {
      assertStorageKey(key);
      // Requested before returning, so a missing object fails here rather than mid-response.
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
        throw error instanceof NoSuchKey ? missingObject(bucket, key, error) : error;
      });
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      return Body;
    },
    async remove(key) {
      assertStorageKey(key);
      // S3 answers a delete of a missing key with success, as `remove` promises.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async check() {
      // Answers 200 only when the bucket exists and the keys may use it.
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}

/** The same code as a missing local file, so callers need not know which driver is configured. */
function missingObject(bucket: string, key: string, cause: NoSuchKey): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no object ${key} in bucket ${bucket}`, { cause }), { code: "ENOENT" });
}
