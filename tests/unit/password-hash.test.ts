import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyAgainstDummy } from "@/lib/server/auth/password";

const parameters = (hash: string) => hash.split("$").slice(1, 4).join("$");

describe("the dummy hash of unknown e-mails", () => {
  it("has the parameters of real hashes, so checking it costs the same", async () => {
    expect(parameters(DUMMY_HASH)).toBe(parameters(await hashPassword("any-password-2026")));
    expect(parameters(DUMMY_HASH)).toBe("argon2id$v=19$m=19456,t=2,p=1");
    expect(await verifyAgainstDummy("dummy-password-for-timing")).toBe(false);
  });
});
