import "server-only";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inheritedEnvironment } from "@/lib/env";
import { bundleLaunchers } from "./bundle-launchers";
import { withBuildLock } from "./build-lock";

// Everything the build reads: proxy.ts and instrumentation.ts too, and the schema the generated client comes from.
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = path.resolve(".next/metodaudit-source-hash");

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const child of fs.readdirSync(entry).sort()) {
    if (child === "generated" || child === "node_modules") continue;
    yield* files(path.join(entry, child));
  }
}

/** A hash of everything the build reads, so a changed tree is rebuilt and an unchanged one is not. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(source)) hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * Runs `next build` unless .next holds a build of the current sources; then bundles the server's
 * launchers. One process at a time: a second one waits, then finds the build done.
 */
export function ensureBuild(log: (line: string) => void): void {
  const hash = sourceHash();
  withBuildLock(() => {
    const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
    if (!built) nextBuild(log, hash);
    bundleLaunchers();
  });
}

function nextBuild(log: (line: string) => void, hash: string): void {
  log("Building the app (next build)…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...inheritedEnvironment(), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status})`);
  fs.writeFileSync(STAMP, hash);
}
