import "server-only";
import { env } from "@/lib/env";
import type { ErrorBody } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { isRefusal, limiter } from "./limiter-store";

export const EXPORT_WINDOW_SECONDS = 60;

export const exportLimitMessage = (seconds: number) => `Слишком много выгрузок за минуту. Повторите попытку через ${seconds} с.`;

/**
 * Counts a download (a list export, a PDF report, a plan export) against its user's
 * EXPORT_RATE_LIMIT a minute (from the first download of the minute). Returns the 429 answer,
 * with Retry-After, when it is used up, else null:
 * `const limited = await checkExportRateLimit(scope); if (limited) return limited;`
 */
export async function checkExportRateLimit(scope: Pick<Scope, "userId">): Promise<Response | null> {
  const points = env().EXPORT_RATE_LIMIT;
  if (points === 0) return null;
  try {
    await limiter({ keyPrefix: "export:user", points, duration: EXPORT_WINDOW_SECONDS }).consume(scope.userId);
    return null;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    const body: ErrorBody = { error: { code: "RATE_LIMITED", message: exportLimitMessage(seconds), fieldErrors: {} } };
    return Response.json(body, {
      status: 429,
      headers: { "Retry-After": String(seconds), "Cache-Control": "private, no-store" },
    });
  }
}
