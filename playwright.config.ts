import { defineConfig } from "@playwright/test";

// E2E_PORT lets several checkouts run their browser tests side by side (each on a database of its own).
const port = Number(process.env.E2E_PORT || 3100);
// E2E_BASE_URL runs the specs against a server already running there (`npm run cluster -- check`:
// the balancer in front of the cluster's instances) instead of starting one.
const external = process.env.E2E_BASE_URL;
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/e2e-results.json" }],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: "node --conditions=react-server --import tsx scripts/e2e-server.ts",
        url: `http://127.0.0.1:${port}/login`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { PORT: String(port) },
      },
});
