import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildLockPath, withBuildLock } from "@/lib/server/launch/build-lock";

/** Whether the process still runs (a zombie, ended but not reaped while the lock blocks us, does not). */
const running = (pid: number) => {
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return stat !== "" && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
};

// Two `next build` in one .next broke each other (two integration test files starting the server at once).
describe("the build lock", () => {
  afterEach(() => fs.rmSync(buildLockPath(), { force: true }));

  it("waits while another live process builds, and builds once that process is gone", () => {
    const holder = spawn("sleep", ["1"]);
    fs.writeFileSync(buildLockPath(), String(holder.pid));
    const holderRanDuringBuild = withBuildLock(() => running(holder.pid ?? 0));
    expect(holderRanDuringBuild).toBe(false);
    expect(fs.existsSync(buildLockPath())).toBe(false);
  });

  it("takes over the lock of a builder that died, and releases it even when the build fails", () => {
    const dead = spawnSync("true").pid;
    fs.writeFileSync(buildLockPath(), String(dead));
    expect(() =>
      withBuildLock(() => {
        expect(fs.readFileSync(buildLockPath(), "utf8")).toBe(String(process.pid));
        throw new Error("next build failed");
      }),
    ).toThrow("next build failed");
    expect(fs.existsSync(buildLockPath())).toBe(false);
  });
});
