// `npm run -s cli -- <command>`: administrators' bulk work. Results a script would
// read go to stdout as JSON; errors go to stderr with a non-zero exit code.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { CLI_ACTOR, runAsActor } from "@/lib/server/audit/actor-context";
import { connectDb, disconnectDb } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { resolveDatabase } from "@/lib/server/db/resolve-database";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { backupCommand, restoreCommand } from "./backup-commands";
import { campaignList, remindersSend } from "./campaign-commands";
import { createUserFromCli } from "./create-user-command";
import { demoDataCommand } from "./demo-data-command";
import { parseDateCommand } from "./parse-date-command";
import { parseRequisitesCommand } from "./parse-requisites-command";
import { reportCommand } from "./report-command";
import { exportRoadmapCommand, importRoadmapCommand } from "./roadmap-commands";
import { schoolsExport, schoolsImport } from "./school-commands";
import { scoreCommand } from "./score-command";
import { templateExport, templateImport, templateList } from "./template-commands";

const USAGE = `Usage: npm run -s cli -- <command>

  db migrate                       apply pending migrations
  db seed                          migrate, then load the demo data (demo databases only)
  demo-data --scale demo|region|national [--seed N]
                                   db seed, then generated data in bulk (region: «Тестовая область», 44 municipalities,
                                   1,200 schools, a scored campaign, roadmaps, ДОТ records); deterministic per seed
  user create --email E --role R --scope S [--name N] [--password P]
                                   R: REGION_ADMIN | REGION_AUDITOR | MUNICIPAL_COORDINATOR | SCHOOL_COORDINATOR
                                   S: region code ("23"), "23/Славянский район",
                                      "23/Славянский район/МБОУ СОШ № 1", or an id
  template list [--region 23]      the region's templates with their newest published version
  template export <key> [--version N] --format json|xlsx --out <file> [--region 23]
                                   writes a template version (the newest published without N)
  template import <file> [--region 23]
                                   imports a JSON or XLSX template as its next published version
                                   --region: a region code; without it, the only region with templates
  campaign list [--region 23]      campaigns with their participants' statuses
  reminders send                   deadline reminders (7 days and 1 day before), plan event reminders
                                   (a week before, and when overdue), and their e-mails
  score --template <file.json> --answers <file.json> [--campaign-date YYYY-MM-DD]
                                   scores one blank from a template export and an answers file (no database)
  schools import <file> --municipality "23/Славянский район" [--dry-run]
                                   imports a table of schools (XLSX or CSV, seed 001's columns): all rows or none
  schools export --municipality "23/Славянский район" --format xlsx|csv --out <file>
                                   writes the municipality's schools in the same columns
  parse-requisites [--list] "<text>"
                                   a document's requisites (type, issuer, date, number, title) from Russian text;
                                   --list: every document the text holds
  parse-date "<text>" [--school-year 2020/2021] [--from YYYY-MM-DD --to YYYY-MM-DD]
                                   an event's timing from Russian text (exact date, range, month, deadline,
                                   period, recurring with due dates inside the school year or plan range)
  report <audit|campaign|roadmap|records> --id <id> --out <file.pdf>
                                   a PDF report of a blank, campaign, plan, or school/municipality/region,
                                   made as the administrator of its region; prints { out, bytes, pages }
  backup --out <file.tar.gz> [--force]
                                   the database (schema public, one consistent snapshot) and every stored file
                                   in one archive; --force overwrites an existing file; prints { out, bytes, tables, rows, files }
  restore <file.tar.gz> [--force]  an archive of backup into an empty database and the storage, all or nothing;
                                   --force replaces a database that holds data; prints { restored, tables, rows, files }`;

type Command = (args: string[], databaseUrl: string) => Promise<unknown>;

const log = (line: string) => console.error(line);

const commands: Record<string, Command> = {
  "db migrate": async (_args, databaseUrl) => migrate({ databaseUrl, log }),
  "db seed": async (_args, databaseUrl) => {
    const migrations = await migrate({ databaseUrl, log });
    const seeded = await seedDemo({ db: connectDb(databaseUrl), log });
    return { migrations: migrations.applied, seeded };
  },
  "demo-data": async (args, databaseUrl) => demoDataCommand(args, databaseUrl, log),
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
  "campaign list": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return campaignList(args);
  },
  "reminders send": async (_args, databaseUrl) => {
    connectDb(databaseUrl);
    return remindersSend();
  },
  "schools import": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return schoolsImport(args);
  },
  "schools export": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return schoolsExport(args);
  },
  "import-roadmap": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return importRoadmapCommand(args);
  },
  "export-roadmap": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return exportRoadmapCommand(args);
  },
  report: async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return reportCommand(args);
  },
  backup: async (args, databaseUrl) => backupCommand(args, databaseUrl, log),
  restore: async (args, databaseUrl) => restoreCommand(args, databaseUrl, log),
  "template list": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return templateList(args);
  },
  "template export": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return templateExport(args);
  },
  "template import": async (args, databaseUrl) => {
    connectDb(databaseUrl);
    return templateImport(args);
  },
};

/** Commands that work on files alone and need no database. */
const offline: Record<string, (args: string[]) => Promise<unknown>> = {
  score: scoreCommand,
  "parse-requisites": parseRequisitesCommand,
  "parse-date": parseDateCommand,
};

async function main(argv: string[]): Promise<number> {
  const standalone = offline[argv[0] ?? ""];
  if (standalone) {
    console.log(JSON.stringify(await standalone(argv.slice(1)), null, 2));
    return 0;
  }
  // Commands are one word ("import-roadmap") or two ("db migrate").
  const words = commands[argv.slice(0, 2).join(" ")] ? 2 : 1;
  const command = commands[argv.slice(0, words).join(" ")];
  if (!command) {
    console.error(argv.length ? `Unknown command: ${argv.join(" ")}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const database = await resolveDatabase(log);
  try {
    // Every write of a command is recorded in the audit trail as «Командная строка».
    const result = await runAsActor(CLI_ACTOR, () => command(argv.slice(words), database.url));
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
