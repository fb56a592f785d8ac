import { vi } from "vitest";
import { useMatrixEnvironment, useReportQueue } from "./setup";
import { defineRouteMatrix } from "./suites";

// Route handlers read the session through getScope; each call is given its caller. Nothing else is mocked.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

// A report asked for in the background is queued in pg-boss (no worker runs here): the controls of POST /api/reports/jobs need the queue.
useReportQueue(useMatrixEnvironment());

// Every caller asks for every report and printable blank within a minute: downloads are unlimited here (the limit has tests of its own).
vi.stubEnv("EXPORT_RATE_LIMIT", "0");

defineRouteMatrix();
