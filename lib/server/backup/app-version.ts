import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/** package.json's version, for the manifest; the migrations, not this, decide what an archive fits. */
export function appVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(path.resolve("package.json"), "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}
