import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/server/db/migrate";
import { startTestServer } from "@/lib/server/db/test-server";
import { recreateDatabase } from "./databases";

export const TEMPLATE_DATABASE = "metodaudit_test_template";

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
    await server.stop();
  };
}
