import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/server/db/migrate";
import { startTestServer } from "@/lib/server/db/test-server";
import { dropDatabase, recreateDatabase } from "./databases";

/** One template per run: several runs may share a server (DATABASE_URL), and none may drop another's template. */
const TEMPLATE_DATABASE = `metodaudit_test_template_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

declare module "vitest" {
  export interface ProvidedContext {
    /** Any database URL on the test server; files derive their own databases from it. */
    testServerUrl: string;
    templateDatabase: string;
  }
}

/** Starts the test server once and migrates a template that each test file clones. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const templateUrl = server.urlFor(TEMPLATE_DATABASE);
  await recreateDatabase(server.url, TEMPLATE_DATABASE);
  await migrate({ databaseUrl: templateUrl });
  project.provide("testServerUrl", server.urlFor("postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await dropDatabase(server.url, TEMPLATE_DATABASE).catch(() => {});
    await server.stop();
  };
}
