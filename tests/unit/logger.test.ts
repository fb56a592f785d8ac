import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/server/observability/logger";
import { runInRequest } from "@/lib/server/observability/request-context";

/** A logger whose JSON lines are kept for the test instead of going to stdout. */
function recorded(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

describe("the server's log", () => {
  it("gives every line made while serving a request that request's id, however deep in the call it is made", async () => {
    const { log, lines } = recorded();
    await runInRequest({ requestId: "lb-7f3a9c" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.error({ err: new Error("boom") }, "unexpected error");
    });
    log.info("outside any request");
    expect(lines[0]).toMatchObject({ level: "error", requestId: "lb-7f3a9c", msg: "unexpected error", err: { message: "boom" } });
    expect(lines[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("writes nothing below LOG_LEVEL", () => {
    const { log, lines } = recorded("warn");
    log.info("not written");
    log.warn("written");
    expect(lines.map((line) => line.msg)).toEqual(["written"]);
  });
});
