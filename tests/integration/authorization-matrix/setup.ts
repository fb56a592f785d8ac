import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { startBoss, stopBoss } from "@/lib/server/jobs/boss";
import { useTestDatabase } from "../../support/test-database";

/**
 * What every matrix file needs besides its vi.mock of get-scope: a database of its
 * own, a scratch folder for the files the worlds upload, and the flag Next sets
 * from next.config.mjs's `experimental.authInterrupts` (forbidden() needs it).
 */
export function useMatrixEnvironment(): () => string {
  const databaseUrl = useTestDatabase();
  vi.stubEnv("STORAGE_DIR", mkdtempSync(path.join(os.tmpdir(), "authz-matrix-")));
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
  return databaseUrl;
}

/** A report asked for in the background is queued in pg-boss (no worker runs here): the report-job routes need the queue. */
export function useReportQueue(databaseUrl: () => string) {
  beforeAll(async () => {
    await startBoss(databaseUrl(), () => {});
  });
  afterAll(async () => {
    await stopBoss({ graceful: false });
  });
}
