// A child process for the crash-safety tests: runs one domain operation the way the
// app's server does (its own PrismaClient on DATABASE_URL, the operation's own
// transaction) and prints its result as JSON, so that a test can SIGKILL it mid-way.
//
//   node --conditions=react-server --import tsx tests/support/crash-child.ts <operation> '<json>'
//
//   accept-blank          { scope, blankId }           acceptBlank: the auditor's acceptance of a blank
//   campaign-from-previous { scope, input }            startCampaignFromPrevious: a campaign with all its blanks
import { AppError } from "@/lib/errors";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { startCampaignFromPrevious } from "./operations";

const operations: Record<string, (options: never) => Promise<unknown>> = {
  "accept-blank": acceptBlank,
  "campaign-from-previous": startCampaignFromPrevious,
};

async function main() {
  const [name, json] = process.argv.slice(2);
  const operation = operations[name ?? ""];
  const url = process.env.DATABASE_URL;
  if (!operation || !json || !url)
    throw new Error(`usage: crash-child.ts <${Object.keys(operations).join("|")}> '<json>' (with DATABASE_URL)`);
  connectDb(url);
  try {
    const result = await operation(JSON.parse(json) as never);
    console.log(JSON.stringify(result ?? null));
  } finally {
    await disconnectDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof AppError ? `${error.code}: ${error.message}` : String(error));
    process.exit(1);
  },
);
