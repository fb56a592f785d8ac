import type { ErrorBody } from "@/lib/errors";

/**
 * CSRF protection of the API: a request that changes something (POST, PUT, PATCH,
 * DELETE) to /api/* must come from a page of this app, as its Origin header (or,
 * without one, its Referer) shows. Browsers send Origin with every such request and
 * a page cannot forge it; a form or script on another site gets 403. Next.js checks
 * server actions the same way itself; next-auth's /api/auth/* has its own CSRF token.
 * Pure: proxy.ts runs it on every request, the tests call it directly.
 */

export const CROSS_SITE_MESSAGE = "Запрос отклонён: он отправлен не со страницы Методаудита. Откройте Методаудит и повторите действие.";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether a request needs the check: a state-changing method on /api/*, except next-auth's own routes. */
export function needsOriginCheck(method: string, pathname: string): boolean {
  if (!STATE_CHANGING.has(method.toUpperCase())) return false;
  if (pathname !== "/api" && !pathname.startsWith("/api/")) return false;
  return pathname !== "/api/auth" && !pathname.startsWith("/api/auth/");
}

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** host[:port] as a browser's Origin writes it: lower case, without the scheme's default port. */
function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/:(80|443)$/, "");
}

/**
 * Whether the request's Origin (else Referer) is this app: the host the request was
 * sent to (X-Forwarded-Host from a reverse proxy, else Host) or the public URL
 * (NEXTAUTH_URL), which covers a proxy that does not pass the host on. A request
 * with neither header, or with `Origin: null`, is not.
 */
export function isSameOrigin(headers: Headers, appUrl?: string): boolean {
  const origin = headers.has("origin") ? originOf(headers.get("origin")) : originOf(headers.get("referer"));
  if (!origin) return false;
  if (appUrl && originOf(appUrl) === origin) return true;
  const requestHost = headers.get("x-forwarded-host")?.split(",")[0] || headers.get("host");
  return !!requestHost && normaliseHost(new URL(origin).host) === normaliseHost(requestHost);
}

/** The 403 a cross-site request gets: the app's error body, in Russian. */
export function crossSiteResponse(): Response {
  const body: ErrorBody = { error: { code: "FORBIDDEN", message: CROSS_SITE_MESSAGE, fieldErrors: {} } };
  return Response.json(body, { status: 403, headers: { "Cache-Control": "no-store" } });
}

/** The whole check: the 403 answer for a cross-site state-changing API request, else null. */
export function checkSameOrigin(request: Request, appUrl?: string): Response | null {
  const { pathname } = new URL(request.url);
  if (!needsOriginCheck(request.method, pathname)) return null;
  return isSameOrigin(request.headers, appUrl) ? null : crossSiteResponse();
}
