import { afterEach, vi } from "vitest";

/**
 * Holds the clock that Date.now() reads (as rate-limiter-flexible does) at `iso`, until the test
 * ends; returns a function that moves it on by some seconds. Timers stay real (database clients).
 */
export function holdClock(iso: string): (seconds: number) => void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
  return (seconds) => vi.setSystemTime(new Date(Date.now() + seconds * 1000));
}

/** For a test file that holds the clock: real time again after each test. */
export function releaseClockAfterEach(): void {
  afterEach(() => {
    vi.useRealTimers();
  });
}
