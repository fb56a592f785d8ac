import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";

type CookieOption = { name: string; options: Record<string, unknown> };
// next-auth's own cookie options, which it uses with the options' useSecureCookies
// (its package exports do not name the file, so it is required by path).
const { defaultCookies } = createRequire(import.meta.url)("../../node_modules/next-auth/core/lib/cookie.js") as {
  defaultCookies: (useSecureCookies: boolean) => Record<"sessionToken" | "csrfToken" | "callbackUrl", CookieOption>;
};

async function optionsWith(nextAuthUrl: string) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_URL", nextAuthUrl);
  const { authOptions } = await import("@/lib/server/auth/options");
  return authOptions();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("session cookies", () => {
  it("are Secure with the __Secure-/__Host- prefixes behind https", async () => {
    const options = await optionsWith("https://audit.example.ru");
    expect(options.useSecureCookies).toBe(true);
    const cookies = defaultCookies(options.useSecureCookies!);
    expect(cookies.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(cookies.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
  });

  it("are plain (but still httpOnly and SameSite=Lax) over http, as on localhost", async () => {
    const options = await optionsWith("http://localhost:3000");
    expect(options.useSecureCookies).toBe(false);
    const cookies = defaultCookies(false);
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
    expect(cookies.sessionToken.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });

  it("last 8 hours", async () => {
    const options = await optionsWith("http://localhost:3000");
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 8 * 60 * 60 });
  });
});
