import { vi } from "vitest";
import { useMatrixEnvironment } from "../authorization-matrix/setup";

/**
 * The authorization matrix's environment (a database of its own, a scratch storage
 * folder, Next's auth interrupts), with downloads unlimited: every caller here
 * downloads every list and report several times a minute.
 */
export function usePrivacyEnvironment(): () => string {
  const databaseUrl = useMatrixEnvironment();
  vi.stubEnv("EXPORT_RATE_LIMIT", "0");
  return databaseUrl;
}
