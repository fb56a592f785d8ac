// `npm run -s cli -- <command>`: administrators' bulk work. Results a script would
// read go to stdout as JSON; errors go to stderr with a non-zero exit code.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { resolveDatabase } from "@/lib/server/db/resolve-database";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { createUserFromCli } from "./create-user-command";

const USAGE = `Usage: npm run -s cli -- <command>

  db migrate                       apply pending migrations
  db seed                          migrate, then load the demo data (demo databases only)
  user create --email E --role R --scope S [--name N] [--password P]
                                   R: REGION_ADMIN | REGION_AUDITOR | MUNICIPAL_COORDINATOR | SCHOOL_COORDINATOR
                                   S: region code ("23"), "23/Славянский район",
                                      "23/Славянский район/МБОУ СОШ № 1", or an id`;

type Command = (args: string[], databaseUrl: string) => Promise<unknown>;

const log = (line: string) => console.error(line);

const commands: Record<string, Command> = {
  "db migrate": async (_args, databaseUrl) => migrate({ databaseUrl, log }),
  "db seed": async (_args, databaseUrl) => {
    const migrations = await migrate({ databaseUrl, log });
    const seeded = await seedDemo({ db: connectDb(databaseUrl), log });
    return { migrations: migrations.applied, seeded };
  },
  "user create": async (args, databaseUrl) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        scope: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
      },
      strict: true,
    });
    connectDb(databaseUrl);
    return createUserFromCli(values);
  },
};

async function main(argv: string[]): Promise<number> {
  const key = argv.slice(0, 2).join(" ");
  const command = commands[key];
  if (!command) {
    console.error(argv.length ? `Unknown command: ${argv.join(" ")}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const database = await resolveDatabase(log);
  try {
    const result = await command(argv.slice(2), database.url);
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
