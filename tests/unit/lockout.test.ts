import { describe, expect, it } from "vitest";
import { countingSince, LOCK_WINDOW_MS, minutesLeft, SIGN_IN_MESSAGES } from "@/lib/server/auth/lockout";

const now = new Date("2026-11-23T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("lock-out window", () => {
  it("counts failures of the last 15 minutes", () => {
    expect(countingSince(now, null, null).getTime()).toBe(now.getTime() - LOCK_WINDOW_MS);
  });
  it("restarts the count after a successful sign-in", () => {
    expect(countingSince(now, minutesAgo(5), null)).toEqual(minutesAgo(5));
  });
  it("restarts the count when a lock-out has ended", () => {
    expect(countingSince(now, minutesAgo(14), minutesAgo(2))).toEqual(minutesAgo(2));
  });
  it("tells the minutes left, at least one", () => {
    expect(minutesLeft(now, new Date(now.getTime() + 14.2 * 60_000))).toBe(15);
    expect(minutesLeft(now, new Date(now.getTime() + 1000))).toBe(1);
    expect(SIGN_IN_MESSAGES.locked(7)).toMatch(/заблокирована.*через 7 мин/);
  });
});
