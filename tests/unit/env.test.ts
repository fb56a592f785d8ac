import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives working defaults for npm start on a fresh machine", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it("serves users, logs at info, has no metrics token and gives a stopping instance 5 s by default", () => {
    const env = parseEnv({});
    expect([env.SERVE_USERS, env.LOG_LEVEL, env.METRICS_TOKEN, env.SHUTDOWN_GRACE_MS]).toEqual(["on", "info", undefined, 5000]);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL"],
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ NEXTAUTH_URL: "localhost:3000" }, "NEXTAUTH_URL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ TRUSTED_PROXIES: "10.0.0.1,proxy.local" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "10.0.0.0/33" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "fd00::/129" }, "TRUSTED_PROXIES"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ SERVE_USERS: "no" }, "SERVE_USERS"],
    [{ SHUTDOWN_GRACE_MS: "-1" }, "SHUTDOWN_GRACE_MS"],
  ])("refuses %o with a message naming %s", (source, name) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toContain(`${name}:`);
  });

  it("trusts no proxy by default; reads a list of addresses and CIDR ranges", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: " 10.0.0.1, 192.168.0.0/16,fd00::/8,, ::1 " }).TRUSTED_PROXIES).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "fd00::/8",
      "::1",
    ]);
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "x", DATABASE_URL: "nope" })).toThrow(/PORT:[\s\S]*DATABASE_URL:|DATABASE_URL:[\s\S]*PORT:/);
  });
});
