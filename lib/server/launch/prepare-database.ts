import "server-only";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { seedDemo } from "@/lib/server/seed/seed-demo";

/** Migrates, and loads the demo when the database holds no user yet. */
export async function prepareDatabase(options: { databaseUrl: string; log: (line: string) => void }) {
  await migrate({ databaseUrl: options.databaseUrl, log: options.log });
  const db = connectDb(options.databaseUrl);
  try {
    if ((await db.user.count()) === 0) {
      options.log("Empty database: loading the demo data");
      await seedDemo({ db, log: options.log });
    }
  } finally {
    await disconnectDb();
  }
}
