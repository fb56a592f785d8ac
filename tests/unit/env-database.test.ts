import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("the database settings of a scaled-out deployment", () => {
  it("reads the primary only, and skips a replica lagging over 10 seconds, unless told otherwise", () => {
    const env = parseEnv({});
    expect(env.DIRECT_DATABASE_URL).toBeUndefined();
    expect(env.DATABASE_REPLICA_URL).toBeUndefined();
    expect(env.REPLICA_MAX_LAG).toBe(10);
    expect(parseEnv({ REPLICA_MAX_LAG: "2.5" }).REPLICA_MAX_LAG).toBe(2.5);
  });

  it.each([
    [{ DIRECT_DATABASE_URL: "127.0.0.1:5432/metodaudit" }, "DIRECT_DATABASE_URL"],
    [{ DATABASE_REPLICA_URL: "mysql://replica/metodaudit" }, "DATABASE_REPLICA_URL"],
    [{ REPLICA_MAX_LAG: "-1" }, "REPLICA_MAX_LAG"],
    [{ REPLICA_MAX_LAG: "soon" }, "REPLICA_MAX_LAG"],
  ])("refuses %o with a message naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: `));
  });
});
