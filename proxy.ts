// Next.js 16's request proxy (formerly middleware.ts; it runs on Node.js): the CSRF
// check of the API and the per-request headers of pages. The logic is in
// lib/domain/auth/security-proxy.ts (pure, tested); this file only supplies the settings.
import type { NextRequest } from "next/server";
import { securityProxy } from "@/lib/domain/auth/security-proxy";
import { env } from "@/lib/env";

export function proxy(request: NextRequest): Response {
  const { NODE_ENV, NEXTAUTH_URL } = env();
  return securityProxy(request, {
    development: NODE_ENV === "development",
    https: NEXTAUTH_URL?.startsWith("https://") ?? false,
    appUrl: NEXTAUTH_URL,
  });
}

export const config = {
  // Everything but the build's static files and public/'s icons and manifest (they get next.config.mjs's
  // headers): pages for their CSP, /api/* for the CSRF check.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icons/|apple-touch-icon|manifest\\.webmanifest).*)"],
};
