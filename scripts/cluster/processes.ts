// The harness's processes: each piece runs detached in a process group of its own (so it outlives
// `up` and a signal reaches its whole tree), with its output in a log file and its pid in a file
// of the state directory; `down` and the checks act on exactly those pids.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { inheritedEnvironment } from "@/lib/env";
import { LOGS_DIR, logFile, PIDS_DIR, pidFile } from "./layout";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The OS user PostgreSQL and PgBouncer run as: both refuse root, and we are root. */
export function postgresUser(): { uid: number; gid: number; home: string } {
  const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0) throw new Error("the postgres OS user is missing (Debian's postgresql package creates it)");
  return { uid, gid, home: "/var/lib/postgresql" };
}

/** Starts `command` detached with its output appended to logs/<name>.log; records and returns its pid. */
export function startDetached(
  name: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string>; asPostgres?: boolean } = {},
): number {
  fs.mkdirSync(LOGS_DIR, { recursive: true });
  fs.mkdirSync(PIDS_DIR, { recursive: true });
  const out = fs.openSync(logFile(name), "a");
  fs.writeSync(out, `\n--- ${new Date().toISOString()} started: ${command} ${args.join(" ")}\n`);
  const user = options.asPostgres ? postgresUser() : undefined;
  const child = spawn(command, args, {
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...inheritedEnvironment(), ...(user ? { HOME: user.home } : {}), ...options.env },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  child.unref();
  fs.writeFileSync(pidFile(name), String(child.pid));
  return child.pid;
}

export function recordedPid(name: string): number | undefined {
  if (!fs.existsSync(pidFile(name))) return undefined;
  const pid = Number(fs.readFileSync(pidFile(name), "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by init) still takes signals; it is not running.
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return !/^\d+ \(.*\) Z/.test(stat);
}

export const running = (name: string) => alive(recordedPid(name));

/** Sends `signal` to the piece's whole process group (its pid leads it: detached). */
export function signalPiece(name: string, signal: NodeJS.Signals): boolean {
  const pid = recordedPid(name);
  if (!alive(pid)) return false;
  try {
    process.kill(-pid!, signal);
  } catch {
    process.kill(pid!, signal);
  }
  return true;
}

/** SIGTERM to the piece's group, SIGKILL after `graceMs`; resolves once its leader is gone. */
export async function stopPiece(name: string, graceMs = 15_000): Promise<boolean> {
  const pid = recordedPid(name);
  if (!alive(pid)) {
    fs.rmSync(pidFile(name), { force: true });
    return false;
  }
  signalPiece(name, "SIGTERM");
  const until = Date.now() + graceMs;
  while (alive(pid) && Date.now() < until) await sleep(100);
  if (alive(pid)) signalPiece(name, "SIGKILL");
  while (alive(pid)) await sleep(50);
  // The group's stragglers (a server worker between its leader's exit and its own).
  try {
    process.kill(-pid!, "SIGKILL");
  } catch {
    // none left
  }
  fs.rmSync(pidFile(name), { force: true });
  return true;
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitFor(what: string, test: () => Promise<boolean> | boolean, timeoutMs: number, onTimeout?: () => string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await test()) return;
    await sleep(250);
  }
  throw new Error(`${what} did not come up in ${timeoutMs / 1000} s${onTimeout ? `: ${onTimeout()}` : ""}`);
}

/** The last lines of a piece's log, for an error message. */
export function logTail(name: string, lines = 15): string {
  if (!fs.existsSync(logFile(name))) return "(no log)";
  return `\n${fs.readFileSync(logFile(name), "utf8").trimEnd().split("\n").slice(-lines).join("\n")}`;
}

export async function httpStatus(url: string, timeoutMs = 3_000): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" })).status;
  } catch {
    return undefined;
  }
}
