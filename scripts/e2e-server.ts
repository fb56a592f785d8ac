// Started by Playwright (playwright.config.ts → webServer): a production build on a
// fresh, migrated and seeded database of its own on the test server.
import { env } from "@/lib/env";
import { startTestServer } from "@/lib/server/db/test-server";
import { recreateDatabase } from "@/lib/server/db/admin";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { prepareDatabase } from "@/lib/server/launch/prepare-database";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";

const log = (line: string) => console.log(`[e2e-server] ${line}`);

const port = env().PORT;
const server = await startTestServer(log);
// One database per port, so that checkouts testing side by side on one server do not collide.
const databaseUrl = await recreateDatabase(server.url, `metodaudit_e2e_${port}`);
await prepareDatabase({ databaseUrl, log });
ensureBuild(log);

const child = serveNext({
  port,
  env: {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "e2e-secret-0123456789-0123456789-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // Every browser test signs in from 127.0.0.1, wrong passwords included: the per-address
    // budget is the integration tests' subject, not theirs (the throttle test fails 6 times).
    SIGN_IN_RATE_LIMIT: "200",
    // Warnings and errors only: an access line per request would bury Playwright's report.
    LOG_LEVEL: "warn",
  },
});
const stop = async () => {
  await stopChild(child);
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
child.on("exit", () => void server.stop().then(() => process.exit(1)));
