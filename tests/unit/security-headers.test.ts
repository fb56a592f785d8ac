import { describe, expect, it } from "vitest";
import { CROSS_SITE_MESSAGE, isSameOrigin, needsOriginCheck } from "@/lib/domain/auth/same-origin";
import {
  contentSecurityPolicy,
  HSTS_VALUE,
  newNonce,
  pageSecurityHeaders,
  STATIC_SECURITY_HEADERS,
} from "@/lib/domain/auth/security-headers";
import type { NextConfig } from "next";
// @ts-expect-error -- next.config.mjs is plain JavaScript (typed by its JSDoc only), read here as Next.js reads it.
import nextConfigModule from "@/next.config.mjs";

const nextConfig = nextConfigModule as NextConfig;

const directives = (csp: string) =>
  new Map(
    csp.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name!, values] as const;
    }),
  );

describe("Content-Security-Policy", () => {
  const nonce = "bm9uY2Utbm9uY2Utbm9uYw==";

  it("in production: scripts by nonce only, no eval, nothing framed, no plugins", () => {
    const csp = contentSecurityPolicy({ nonce, development: false, https: false });
    expect(csp).not.toContain("unsafe-eval");
    const d = directives(csp);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("under next dev allows eval (React's debugging needs it) and the dev server's WebSocket", () => {
    const d = directives(contentSecurityPolicy({ nonce, development: true, https: false }));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("over https upgrades plain-http subresources", () => {
    expect(directives(contentSecurityPolicy({ nonce, development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("uses a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("page and static headers", () => {
  it("sends HSTS only over https", () => {
    expect(pageSecurityHeaders({ nonce: "n", development: false, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(pageSecurityHeaders({ nonce: "n", development: false, https: true })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(HSTS_VALUE).toBe("max-age=31536000; includeSubDomains");
  });

  it("next.config.mjs sends the static headers on every path, the same list as the module", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe("/:path*");
    expect(Object.fromEntries(rules[0]!.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    expect(STATIC_SECURITY_HEADERS).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("lets uploads of 21 MB through the proxy's body buffer whole", () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe("23mb");
  });
});

describe("same-origin rule", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("checks state-changing methods on /api/* except next-auth's routes", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) expect(needsOriginCheck(method, "/api/users")).toBe(true);
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(needsOriginCheck(method, "/api/users")).toBe(false);
    expect(needsOriginCheck("POST", "/api/auth/callback/credentials")).toBe(false);
    expect(needsOriginCheck("POST", "/api/auth")).toBe(false);
    expect(needsOriginCheck("POST", "/api/authors")).toBe(true);
    expect(needsOriginCheck("POST", "/region/users")).toBe(false); // server actions: Next.js checks them
  });

  it("compares Origin (else Referer) with the host asked or the public URL", () => {
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "https://audit.example.ru", host: "audit.example.ru:443" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "https://evil.example", host: "audit.example.ru" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3101", host: "127.0.0.1:3100" }))).toBe(false);
    // A reverse proxy that passes the host on, or one that does not (then NEXTAUTH_URL decides).
    expect(isSameOrigin(headers({ origin: "https://audit.example.ru", host: "app:3000", "x-forwarded-host": "audit.example.ru" }))).toBe(
      true,
    );
    expect(isSameOrigin(headers({ origin: "https://audit.example.ru", host: "app:3000" }), "https://audit.example.ru")).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://audit.example.ru", host: "app:3000" }), "https://audit.example.ru")).toBe(false);
    // Without Origin, the Referer's origin; with neither, or `Origin: null`, refused.
    expect(isSameOrigin(headers({ referer: "http://localhost:3000/region/users", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ referer: "http://evil.example/x", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", referer: "http://localhost:3000/", host: "localhost:3000" }))).toBe(false);
    expect(CROSS_SITE_MESSAGE).toMatch(/^Запрос отклонён/);
  });
});
