import { vi } from "vitest";
import { useReportQueue } from "../authorization-matrix/setup";
import { usePrivacyEnvironment } from "./setup";
import { defineRoutePrivacyMatrix } from "./suites";

// Route handlers read the session through getScope; each call is given its caller. Nothing else is mocked.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

// POST /api/reports/jobs queues its report in pg-boss (no worker runs here).
useReportQueue(usePrivacyEnvironment());

defineRoutePrivacyMatrix();
