import { vi } from "vitest";
import { usePrivacyEnvironment } from "./setup";
import { defineActionPrivacyMatrix } from "./suites";

// Server actions read the session through getScope; each call is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));
// revalidatePath needs the request store that only Next's server creates; it decides no access. Recorded, not run.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

usePrivacyEnvironment();
defineActionPrivacyMatrix();
