// `npm run -s cli -- <command>`: administrators' bulk work. Results a script would
// read go to stdout as JSON; errors go to stderr with a non-zero exit code.
// The commands, their spellings and their usage are the table in ./commands.ts.
import { AppError } from "@/lib/errors";
import { CLI_ACTOR, runAsActor } from "@/lib/server/audit/actor-context";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { directUrlFor, resolveDatabase } from "@/lib/server/db/resolve-database";
import { COMMANDS } from "./commands";
import { commandHelp, findCommand, usageText } from "./usage";

const log = (line: string) => console.error(line);
const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

async function main(argv: string[]): Promise<number> {
  if (isHelp(argv[0]) || argv[0] === "help") {
    console.log(usageText(COMMANDS));
    return 0;
  }
  const found = findCommand(COMMANDS, argv);
  if (!found) {
    console.error(argv.length ? `Unknown command: ${argv.join(" ")}\n\n${usageText(COMMANDS)}` : usageText(COMMANDS));
    return 2;
  }
  const { command, args } = found;
  if (args.some(isHelp)) {
    console.log(commandHelp(command));
    return 0;
  }
  if (!command.database) {
    console.log(JSON.stringify(await command.run(args), null, 2));
    return 0;
  }
  // One database and one connection pool for the whole run: the commands reach it through db().
  const database = await resolveDatabase(log);
  connectDb(database.url);
  try {
    // Every write of a command is recorded in the audit trail as «Командная строка».
    const result = await runAsActor(CLI_ACTOR, () => command.run(args, { databaseUrl: directUrlFor(database.url), log }));
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError) {
      const fields = Object.entries(error.fieldErrors).map(([k, v]) => `  ${k}: ${v.join("; ")}`);
      console.error([`Error: ${error.message}`, ...fields].join("\n"));
    } else {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
