import { spawnSync } from "node:child_process";

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node --conditions=react-server --import tsx <script> …args` to its end, as `npm run cli` runs it,
 * with this process's environment and `env` over it (an undefined value removes the variable).
 */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}, timeout = 60_000): ScriptRun {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run -s cli -- …args` */
export const runCli = (args: string[], env: Record<string, string | undefined> = {}, timeout?: number) =>
  runScript("lib/cli/main.ts", args, env, timeout);
