import { describe, expect, it } from "vitest";
import {
  accountKey,
  addressKey,
  delaySeconds,
  FREE_ATTEMPTS,
  MAX_DELAY_SECONDS,
  SIGN_IN_MESSAGES,
  waitText,
} from "@/lib/domain/auth/sign-in-throttle";

describe("sign-in throttle rules", () => {
  it("waits 30 s after the free attempts, doubling with each further failure up to an hour", () => {
    expect(FREE_ATTEMPTS).toBe(5);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(delaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(delaySeconds(50)).toBe(MAX_DELAY_SECONDS);
  });

  it("says when to retry in seconds under a minute and in minutes above, in Russian", () => {
    expect(SIGN_IN_MESSAGES.tooMany(30_000)).toBe("Слишком много попыток входа. Повторите попытку через 30 с.");
    expect(SIGN_IN_MESSAGES.tooMany(400)).toBe("Слишком много попыток входа. Повторите попытку через 1 с.");
    expect(SIGN_IN_MESSAGES.tooMany(59_000)).toBe("Слишком много попыток входа. Повторите попытку через 59 с.");
    expect(SIGN_IN_MESSAGES.tooMany(59_001)).toBe("Слишком много попыток входа. Повторите попытку через 1 мин.");
    expect(SIGN_IN_MESSAGES.tooMany(60_001)).toBe("Слишком много попыток входа. Повторите попытку через 2 мин.");
    expect(waitText(3_600_000)).toBe("60 мин");
    expect(SIGN_IN_MESSAGES.INVALID).toBe("Неверный адрес электронной почты или пароль.");
  });

  it("keys an e-mail as typed, normalised, with its address; hashed, so the store keeps neither", () => {
    expect(accountKey("  Owner@School.RU ", "198.51.100.7")).toBe(accountKey("owner@school.ru", "198.51.100.7"));
    expect(accountKey("owner@school.ru", "198.51.100.7")).not.toBe(accountKey("owner@school.ru", "203.0.113.66"));
    expect(accountKey("owner@school.ru", "198.51.100.7")).not.toContain("owner");
    expect(addressKey("198.51.100.7")).not.toContain("198");
    // Within the store's varchar(255) whatever was typed.
    expect(accountKey("x".repeat(320), "unknown").length).toBeLessThan(64);
  });
});
