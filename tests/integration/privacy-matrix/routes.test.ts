import { afterAll, beforeAll, vi } from "vitest";
import { startBoss, stopBoss } from "@/lib/server/jobs/boss";
import { usePrivacyEnvironment } from "./setup";
import { defineRoutePrivacyMatrix } from "./suites";

// Route handlers read the session through getScope; each call is given its caller. Nothing else is mocked.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

const databaseUrl = usePrivacyEnvironment();
// A report asked for in the background is queued in pg-boss (no worker runs here).
beforeAll(async () => {
  await startBoss(databaseUrl(), () => {});
});
afterAll(async () => {
  await stopBoss({ graceful: false });
});

defineRoutePrivacyMatrix();
