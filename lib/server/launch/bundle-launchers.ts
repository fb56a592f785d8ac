import "server-only";
import path from "node:path";
import { buildSync } from "esbuild";

/** Where the production server's own two entry points are written, as plain JavaScript. */
export const LAUNCH_DIR = path.resolve(".next/metodaudit-launch");
export const CLUSTER_PRIMARY = path.join(LAUNCH_DIR, "cluster-primary.mjs");

/**
 * Bundles cluster-primary.ts and serve-worker.ts (and the few modules of ours they import) into
 * plain ESM, packages left as imports. The server's processes then run on Node alone: under tsx
 * each worker carried its loader thread, an esbuild service process and the source maps of every
 * server chunk it loaded (about 90 MB a worker before the first request).
 */
export function bundleLaunchers(): void {
  buildSync({
    entryPoints: { "cluster-primary": "lib/server/launch/cluster-primary.ts", "serve-worker": "lib/server/launch/serve-worker.ts" },
    outdir: LAUNCH_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
}
