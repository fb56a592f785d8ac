import "server-only";
import { format } from "node:util";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "./request-context";

/**
 * The app's one logger: JSON lines on stdout (pino's synchronous destination, no transport
 * or worker thread), at LOG_LEVEL. A line written while a request is served carries its
 * requestId, taken from the request's context (request-context.ts).
 * Kept on globalThis for the same reason as the request context: one logger per process
 * whichever bundle's copy of this module asks.
 */
const KEY = Symbol.for("metodaudit.logger");
const shared = globalThis as unknown as { [KEY]?: Logger };

export function logger(): Logger {
  shared[KEY] ??= createLogger(env().LOG_LEVEL);
  return shared[KEY];
}

/** The logger's make: `destination` is stdout but for a test that reads the lines. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    // pid tells a cluster's workers apart; the host name is the same for all of them and left to the collector.
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Sends console.log/info/warn/error through the logger, so that what Next.js and the packages print
 * on their own (a page's render error, a deprecation warning) is a JSON line with the request's id
 * like the rest. For the server's processes only: the CLI and the launch scripts keep their plain
 * output for the person at the terminal.
 */
export function sendConsoleToLogger(): void {
  const log = logger();
  console.log = (...args: unknown[]) => log.info(format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
}
