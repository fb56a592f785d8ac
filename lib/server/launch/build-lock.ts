import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const WAIT_STEP_MS = 500;
const WAIT_LIMIT_MS = 30 * 60_000;

/**
 * Runs `build` while no other process of this machine builds the same checkout: two `next build`
 * in one .next (two integration test files, or instances started together) break each other.
 * The lock is a file in the temporary folder holding the builder's pid, so a builder that died
 * leaves no lock behind for long: its pid no longer runs, and the next one takes over.
 */
export function withBuildLock<T>(build: () => T): T {
  const lock = buildLockPath();
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!holderRuns(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`another build of ${process.cwd()} has held ${lock} for 30 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_STEP_MS);
    }
  }
  try {
    return build();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** The lock of this checkout (the working directory the builds run in). */
export function buildLockPath(): string {
  return path.join(os.tmpdir(), `metodaudit-build-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 16)}.lock`);
}

function holderRuns(lock: string): boolean {
  const pid = Number(fs.readFileSync(lock, "utf8"));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A builder that ended but was not yet reaped by its parent (a zombie) answers signals too.
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}
