import "server-only";
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, chmod, mkdir, open, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env } from "@/lib/env";
import { s3Storage } from "./s3-storage";

/**
 * Where file contents live, addressed by server-generated keys: the local disk
 * or an S3-compatible bucket. A missing key fails `read` with code ENOENT.
 */
export interface StorageDriver {
  /** Stores new bytes; an existing key is never overwritten. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  read(key: string): Promise<Readable>;
  /** Removes the bytes; a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Fails unless the storage answers and can be written to (for /api/ready); writes nothing. */
  check(): Promise<void>;
}

/**
 * "ab/cd/<uuid>": two directory levels keep any one directory small. Only keys
 * of exactly this shape are accepted, so no key (and never a user's file name)
 * can point outside the storage root.
 */
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every driver checks a key before touching anything with it. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** Owner only: the files hold children's records, and other accounts of the server have no business in them. */
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Files under `root`, which is created on the first write, readable by the server's
 * own account only (a root made earlier with wider rights is narrowed on the first write).
 */
export function localDiskStorage(root: string): StorageDriver {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split("/"));
  };
  let rootNarrowed: Promise<void> | undefined;
  const narrowRoot = () =>
    (rootNarrowed ??= mkdir(root, { recursive: true, mode: DIRECTORY_MODE }).then(() => chmod(root, DIRECTORY_MODE)));
  return {
    async put(key, bytes) {
      const file = pathOf(key);
      await narrowRoot();
      await mkdir(path.dirname(file), { recursive: true, mode: DIRECTORY_MODE });
      try {
        await writeFile(file, bytes, { flag: "wx", mode: FILE_MODE });
      } catch (error) {
        // A write cut short (disk full) must not leave half a file behind; an existing file is not ours to remove.
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") await rm(file, { force: true });
        throw error;
      }
    },
    async read(key) {
      // Opened before returning, so a missing file fails here rather than mid-response.
      const handle = await open(pathOf(key), "r");
      return handle.createReadStream();
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    async check() {
      await narrowRoot();
      await access(root, constants.W_OK);
    },
  };
}

let configured: StorageDriver | undefined;

/** The configured driver: an S3 bucket with STORAGE_DRIVER=s3, otherwise local disk under STORAGE_DIR. */
export function storage(): StorageDriver {
  const { s3, storageDir } = env();
  configured ??= s3 ? s3Storage(s3) : localDiskStorage(storageDir);
  return configured;
}
