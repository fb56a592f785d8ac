import { afterAll, describe, expect, it, vi } from "vitest";
import * as files from "@/lib/server/files/storage";
import { startBoss, stopBoss } from "@/lib/server/jobs/boss";
import { checkReadiness } from "@/lib/server/observability/check-readiness";
import { markStopping } from "@/lib/server/observability/shutdown";
import { useTestDatabase } from "../support/test-database";

// What /api/ready answers (the route only sets the status from it), against a real database:
// each dependency that fails takes the instance out, and says which it is.

const databaseUrl = useTestDatabase();
const states = (readiness: Awaited<ReturnType<typeof checkReadiness>>) =>
  Object.fromEntries(Object.entries(readiness.checks).map(([name, check]) => [name, check.state]));

afterAll(async () => {
  await stopBoss({ graceful: false });
});

describe("an instance's readiness", () => {
  it("waits for the job queue's tables, which the first instance that runs the jobs installs", async () => {
    const before = await checkReadiness();
    expect(before.status).toBe("not ready");
    expect(states(before)).toEqual({ database: "ok", replica: "off", storage: "ok", queue: "down" });

    await startBoss(databaseUrl());
    const after = await checkReadiness();
    expect(after.status).toBe("ready");
    expect(states(after)).toEqual({ database: "ok", replica: "off", storage: "ok", queue: "ok" });
  });

  it("is lost while the file storage cannot be reached, and names the storage", async () => {
    const unreachable = vi.spyOn(files, "storage").mockReturnValue({
      put: async () => {},
      read: async () => {
        throw new Error("unused");
      },
      remove: async () => {},
      check: async () => {
        throw new Error("connect ECONNREFUSED 10.0.0.9:9000");
      },
    });
    try {
      const readiness = await checkReadiness();
      expect(readiness.status).toBe("not ready");
      expect(states(readiness)).toEqual({ database: "ok", replica: "off", storage: "down", queue: "ok" });
      expect(JSON.stringify(readiness)).not.toContain("10.0.0.9");
    } finally {
      unreachable.mockRestore();
    }
    expect((await checkReadiness()).status).toBe("ready");
  });

  it("is lost at once when the instance is asked to stop, without asking the dependencies", async () => {
    markStopping();
    expect(await checkReadiness()).toEqual({ status: "stopping", checks: {} });
  });
});
