import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CROSS_SITE_MESSAGE } from "@/lib/domain/auth/same-origin";
import { securityProxy } from "@/lib/domain/auth/security-proxy";
import { proxy, config } from "@/proxy";

// The request proxy (proxy.ts) as Next.js calls it: CSRF refusals of the API, the
// per-request headers of pages. No database is needed.

const APP = "http://localhost:3000";
const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "localhost:3000", ...init.headers } });
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("CSRF check of the API", () => {
  it("refuses a cross-site POST, PUT, PATCH and DELETE with 403 and a Russian message", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = proxy(request("/api/users", { method, headers: { origin: "https://evil.example" } }));
      expect(response.status, method).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: CROSS_SITE_MESSAGE, fieldErrors: {} } });
    }
  });

  it("refuses a state-changing request with neither Origin nor Referer, or Origin: null", () => {
    expect(proxy(request("/api/files", { method: "POST" })).status).toBe(403);
    expect(proxy(request("/api/files", { method: "POST", headers: { origin: "null" } })).status).toBe(403);
    expect(proxy(request("/api/files", { method: "POST", headers: { referer: "https://evil.example/page" } })).status).toBe(403);
  });

  it("passes a same-origin request on, by Origin or by Referer", () => {
    const sameOrigin = proxy(request("/api/users", { method: "POST", headers: { origin: APP } }));
    expect(sameOrigin.status).toBe(200);
    expect(passedOn(sameOrigin)).toBe(true);
    expect(passedOn(proxy(request("/api/files/x", { method: "DELETE", headers: { referer: `${APP}/documents` } })))).toBe(true);
  });

  it("passes reads and next-auth's own routes (they have their CSRF token)", () => {
    expect(passedOn(proxy(request("/api/exports/plans?format=csv", { headers: { origin: "https://evil.example" } })))).toBe(true);
    expect(passedOn(proxy(request("/api/exports/plans")))).toBe(true);
    expect(
      passedOn(proxy(request("/api/auth/callback/credentials", { method: "POST", headers: { origin: "https://evil.example" } }))),
    ).toBe(true);
  });

  it("accepts the public URL's origin behind a reverse proxy that rewrites Host", () => {
    const behindProxy = new NextRequest("http://app:3000/api/users", {
      method: "POST",
      headers: { host: "app:3000", origin: "https://audit.example.ru" },
    });
    const settings = { development: false, https: true };
    expect(securityProxy(behindProxy, settings).status).toBe(403);
    expect(passedOn(securityProxy(behindProxy, { ...settings, appUrl: "https://audit.example.ru" }))).toBe(true);
  });
});

describe("security headers of pages", () => {
  it("gives each page its own nonce, in the CSP of the response and of the request Next.js renders", () => {
    const first = proxy(request("/region"));
    const second = proxy(request("/region"));
    expect(passedOn(first)).toBe(true);
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands the changed request headers to the renderer.
    expect(first.headers.get("x-middleware-override-headers")?.split(",")).toEqual(
      expect.arrayContaining(["content-security-policy", "x-nonce"]),
    );
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    // Tests run with NODE_ENV=test: no eval, as in production.
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS only when the app is served over https", () => {
    expect(proxy(request("/login")).headers.get("strict-transport-security")).toBeNull();
    const https = { development: false, https: true, appUrl: "https://audit.example.ru" };
    expect(securityProxy(request("/login"), https).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(securityProxy(request("/api/users", { method: "POST" }), https).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(securityProxy(request("/login"), https).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allows eval under next dev only", () => {
    const dev = securityProxy(request("/login"), { development: true, https: false });
    expect(dev.headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });

  it("does not set a CSP on API answers (a download keeps its own sandbox policy)", () => {
    expect(proxy(request("/api/files/x")).headers.get("content-security-policy")).toBeNull();
  });

  it("runs on every path but the build's static files and public/'s icons and manifest", () => {
    const [source] = config.matcher;
    const matches = (path: string) => new RegExp(`^${source!.replace("/(", "/(?:")}$`).test(path);
    for (const path of ["/", "/login", "/region/users", "/api/users", "/api/auth/csrf"]) expect(matches(path), path).toBe(true);
    const files = ["/_next/static/chunks/app.js", "/_next/image", "/favicon.ico", "/icons/icon.svg", "/manifest.webmanifest"];
    for (const path of files) expect(matches(path), path).toBe(false);
  });
});
