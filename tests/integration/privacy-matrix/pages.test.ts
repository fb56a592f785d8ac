import { vi } from "vitest";
import { usePrivacyEnvironment } from "./setup";
import { definePagePrivacyMatrix } from "./suites";

// Pages read the session through getScope; each call is given its caller. Nothing else is mocked.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

usePrivacyEnvironment();
definePagePrivacyMatrix();
