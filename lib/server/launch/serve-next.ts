import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { inheritedEnvironment } from "@/lib/env";
import { CLUSTER_PRIMARY } from "./bundle-launchers";

/**
 * Starts the production server as a child process with the resolved configuration:
 * a cluster of server workers (Next.js's request handler) on one port (see cluster-primary.ts), from
 * the plain JavaScript that ensureBuild bundled (bundle-launchers.ts).
 */
export function serveNext(options: {
  port: number;
  env: Record<string, string>;
  /** `pipe` hands the server's log (stdout) and errors to the caller, e.g. a test that reads the log lines. */
  output?: "inherit" | "pipe";
}): ChildProcess {
  const output = options.output ?? "inherit";
  return spawn(process.execPath, ["--conditions=react-server", CLUSTER_PRIMARY], {
    stdio: ["ignore", output, output],
    env: { ...inheritedEnvironment(), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...options.env, PORT: String(options.port) },
  });
}

/** Stops a child politely, then firmly after a grace period. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
