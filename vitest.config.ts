import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server build; tests run server code directly.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    // context.annotate's files (page 1 of each DOCX as LibreOffice shows it) land beside the JSON reports.
    attachmentsDir: "test-results/attachments",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run in parallel, each on its own database.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // `npm run bench` at demo scale, end to end (it starts its own database and server): run
        // after the end-to-end tests, by scripts/test-all.ts, not with the integration files.
        test: { name: "bench", include: ["tests/bench/**/*.test.ts"], environment: "node", testTimeout: 15 * 60_000 },
      },
    ],
  },
});
