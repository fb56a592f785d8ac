/**
 * The browser-side protections of every page: pure builders of the headers, used
 * by proxy.ts (which knows the request and the deployment) and by the tests.
 *
 * The headers that never change (X-Content-Type-Options, Referrer-Policy,
 * X-Frame-Options, Permissions-Policy) are set for every path, static files
 * included, by next.config.mjs (`headers()`), which cannot import this TypeScript;
 * STATIC_SECURITY_HEADERS below is the same list, and a test holds the two equal.
 * The Content-Security-Policy needs a nonce per request and Strict-Transport-Security
 * the run-time NEXTAUTH_URL, so both come from proxy.ts.
 */

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The old spelling of frame-ancestors 'none', for browsers without CSP level 2.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** One year, subdomains too: sent only when the app is served over https. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export interface SecurityHeaderSettings {
  /** `next dev`: React needs eval() for its debugging aids there (never in production). */
  development: boolean;
  /** NEXTAUTH_URL is https: HSTS, and plain-http subresources are upgraded. */
  https: boolean;
}

/** A fresh nonce for one response: 128 random bits, base64 (as Next.js's own example does). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page's Content-Security-Policy. Scripts: only those carrying this response's
 * nonce, and what they load ('strict-dynamic'). Next.js reads the nonce from this
 * header on the request (proxy.ts puts it there) and adds it to its own scripts
 * while rendering a dynamic page; every page of the app is dynamic (it reads the
 * session), unknown addresses included (app/(app)/[...missing]); where Next's
 * prerendered 404 (app/not-found.tsx) is still served, it shows its text without
 * its scripts. 'self' stays for browsers without CSP level 3
 * (which ignore 'strict-dynamic'); 'unsafe-eval' only under `next dev`.
 * Styles allow inline: Tailwind's and Radix's style attributes and React's
 * inline <style> need it, and style injection cannot run code.
 */
export function contentSecurityPolicy(options: SecurityHeaderSettings & { nonce: string }): string {
  const script = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", ...script],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    // Fast refresh talks to `next dev` over a WebSocket.
    ["connect-src", "'self'", ...(options.development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(options.https ? ([["upgrade-insecure-requests"]] as Array<[string]>) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The headers proxy.ts adds to a page: the CSP, and HSTS over https. */
export function pageSecurityHeaders(options: SecurityHeaderSettings & { nonce: string }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.https ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}
