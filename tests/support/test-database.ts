import { afterAll, beforeAll, inject } from "vitest";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "./databases";

/**
 * Gives the calling test file a database of its own, cloned from the migrated
 * template, and points db() at it. Returns a getter for its URL.
 */
export function useTestDatabase(): () => string {
  const name = uniqueDatabaseName("t");
  let url = "";
  beforeAll(async () => {
    // Cloning needs the template free of connections; retries cover a parallel clone.
    for (let attempt = 0; ; attempt++) {
      try {
        url = await recreateDatabase(inject("testServerUrl"), name, inject("templateDatabase"));
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
    connectDb(url);
  });
  afterAll(async () => {
    await disconnectDb();
    await dropDatabase(inject("testServerUrl"), name);
  });
  return () => url;
}
