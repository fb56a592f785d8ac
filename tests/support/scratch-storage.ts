import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, vi } from "vitest";

/**
 * Stored files of the calling test file go to a scratch folder of its own (STORAGE_DIR, the local
 * driver), not the app's data folder; removed after the file. Returns the folder.
 */
export function useScratchStorage(prefix: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  vi.stubEnv("STORAGE_DIR", root);
  afterAll(() => rm(root, { recursive: true, force: true }));
  return root;
}

/** Every file below a folder, by its full path. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
