import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { inheritedEnvironment } from "@/lib/env";

const DEFAULT_PATH = "/usr/bin/chromium";

/**
 * Finds Chromium for the browser tests (CHROMIUM_PATH or /usr/bin/chromium); where
 * it is missing and we may, installs Debian's package; otherwise says how.
 */
export function ensureChromium(given: string | undefined, log: (line: string) => void): string {
  const wanted = given ?? DEFAULT_PATH;
  if (fs.existsSync(wanted)) return wanted;
  if (given) throw new Error(`CHROMIUM_PATH=${given} does not exist.`);
  const canInstall = os.userInfo().uid === 0 && spawnSync("which", ["apt-get"]).status === 0;
  if (!canInstall) {
    throw new Error(
      "Chromium is needed for the browser tests and was not found at /usr/bin/chromium. " +
        "Install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  log("Chromium not found: installing Debian's chromium package…");
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...inheritedEnvironment(), DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install Chromium by hand or set CHROMIUM_PATH.`);
  }
  if (!fs.existsSync(DEFAULT_PATH)) throw new Error("apt-get installed chromium but /usr/bin/chromium is missing.");
  return DEFAULT_PATH;
}
