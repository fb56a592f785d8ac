// One instance's start-up against DATABASE_URL, as scripts/start.ts runs it (migrations, then the
// demo on an empty database), for the test that starts three at once. Its log lines go to stdout.
//
//   DATABASE_URL=… node --conditions=react-server --import tsx tests/support/prepare-child.ts
import { prepareDatabase } from "@/lib/server/launch/prepare-database";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("prepare-child.ts needs DATABASE_URL");

prepareDatabase({ databaseUrl: url, log: (line) => console.log(line) }).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
