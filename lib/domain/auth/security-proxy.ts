import { NextResponse, type NextRequest } from "next/server";
import { checkSameOrigin } from "./same-origin";
import { HSTS_VALUE, newNonce, pageSecurityHeaders, type SecurityHeaderSettings } from "./security-headers";

export interface SecurityProxySettings extends SecurityHeaderSettings {
  /** NEXTAUTH_URL: a request from it is same-origin even behind a proxy that rewrites Host. */
  appUrl?: string;
}

/**
 * What proxy.ts does to every request but static files (settings from lib/env.ts):
 * - /api/*: refuses a cross-site POST, PUT, PATCH or DELETE with 403 (same-origin.ts);
 *   otherwise passes it on unchanged (route handlers set their own headers, e.g. a
 *   download's sandbox CSP);
 * - pages: a fresh nonce, the Content-Security-Policy built with it on the request
 *   (where Next.js reads the nonce to put on its scripts, see
 *   node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md) and on the response;
 * - Strict-Transport-Security on both when the app is served over https.
 * It never reads the body.
 */
export function securityProxy(request: NextRequest, settings: SecurityProxySettings): Response {
  const hsts = (response: Response) => {
    if (settings.https) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
    return response;
  };
  if (request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname === "/api") {
    return hsts(checkSameOrigin(request, settings.appUrl) ?? NextResponse.next());
  }
  const nonce = newNonce();
  const headers = pageSecurityHeaders({ ...settings, nonce });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
