import "server-only";
import type { ErrorBody } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { hitRateLimit } from "./hit-rate-limit";
import { exportKey, exportPolicy, RATE_LIMIT_MESSAGES } from "./policies";

/**
 * Counts a download (a list export, a PDF report, a plan export) against its
 * user's allowance per minute. Returns the 429 answer, with Retry-After, when it is
 * used up, else null: `const limited = await checkExportRateLimit(scope); if (limited) return limited;`
 */
export async function checkExportRateLimit(scope: Pick<Scope, "userId">, now?: Date): Promise<Response | null> {
  const policy = exportPolicy();
  if (!policy) return null;
  const hit = await hitRateLimit({ key: exportKey(scope.userId), ...policy, now });
  if (hit.allowed) return null;
  const body: ErrorBody = {
    error: { code: "RATE_LIMITED", message: RATE_LIMIT_MESSAGES.exports(hit.retryAfterSeconds), fieldErrors: {} },
  };
  return Response.json(body, {
    status: 429,
    headers: { "Retry-After": String(hit.retryAfterSeconds), "Cache-Control": "private, no-store" },
  });
}
