import { createHash } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { breachedPasswords } from "@/lib/server/auth/breached-passwords";
import {
  DEMO_PASSWORDS,
  MIN_PASSWORD_LENGTH,
  parseBreachedPasswords,
  PASSWORD_MESSAGES,
  passwordProblem,
} from "@/lib/domain/auth/password-policy";

const breached = parseBreachedPasswords("123456\nqwertyuiop\n\r\n  Password1234 \n");
const dev = { breached, production: false };
const prod = { breached, production: true };

describe("password policy", () => {
  it("asks for at least 10 characters, in the schemas' own words", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordProblem("short-pw9", dev)).toBe(PASSWORD_MESSAGES.TOO_SHORT);
    expect(PASSWORD_MESSAGES.TOO_SHORT).toBe("Пароль должен быть не короче 10 символов.");
    expect(passwordProblem("long-enough-1", dev)).toBeNull();
    // Characters, not UTF-16 units: ten Cyrillic letters are ten.
    expect(passwordProblem("пароль-для", dev)).toBeNull();
  });

  it("refuses a breached password whatever its case and surrounding spaces", () => {
    expect(passwordProblem("qwertyuiop", dev)).toBe(PASSWORD_MESSAGES.BREACHED);
    expect(passwordProblem("QwertyUIOP", dev)).toBe(PASSWORD_MESSAGES.BREACHED);
    expect(passwordProblem("password1234", dev)).toBe(PASSWORD_MESSAGES.BREACHED);
    expect(passwordProblem(" qwertyuiop ", dev)).toBe(PASSWORD_MESSAGES.BREACHED);
    expect(PASSWORD_MESSAGES.BREACHED).toMatch(/утёкших паролей/);
  });

  it("refuses the published demo passwords in production only", () => {
    expect(DEMO_PASSWORDS).toEqual(["demo-password-2026", "demo-data-password-2026", "bench-password-2026"]);
    for (const password of DEMO_PASSWORDS) {
      expect(passwordProblem(password, prod)).toBe(PASSWORD_MESSAGES.DEMO);
      expect(passwordProblem(password.toUpperCase(), prod)).toBe(PASSWORD_MESSAGES.DEMO);
      // Demo seeding and tests outside production keep them.
      expect(passwordProblem(password, dev)).toBeNull();
    }
    expect(PASSWORD_MESSAGES.DEMO).toMatch(/демонстрационных/);
  });

  it("parses the list one a line, lower-cased, without blanks", () => {
    expect([...breached]).toEqual(["123456", "qwertyuiop", "password1234"]);
  });
});

describe("the shipped list of breached passwords", () => {
  it("is SecLists' top 10,000 of the 10-million-password list, byte for byte", () => {
    const bytes = fs.readFileSync("lib/server/auth/breached-passwords.txt");
    expect(bytes.length).toBe(76_508);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("0279e0e7d854dc40460db18a7cf2e09fb661837dc0ae7d3b8dc6e783ba5d84b4");
    const lines = bytes.toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(10_000);
    expect(lines.slice(0, 4)).toEqual(["123456", "password", "12345678", "qwerty"]);
  });

  it("is read once and refuses its long entries", () => {
    const list = breachedPasswords();
    expect(breachedPasswords()).toBe(list);
    expect(list.size).toBeGreaterThan(9_900);
    for (const password of ["qwertyuiop", "1q2w3e4r5t", "password123", "basketball", "1qaz2wsx3edc", "Password123"]) {
      expect(passwordProblem(password, { breached: list, production: false }), password).toBe(PASSWORD_MESSAGES.BREACHED);
    }
    expect(passwordProblem("Сосна-у-реки-2026", { breached: list, production: true })).toBeNull();
  });
});
