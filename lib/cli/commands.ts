import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { backupCommand, restoreCommand } from "./backup-commands";
import { importBlankDocxCommand } from "./blank-commands";
import { campaignList, remindersSend } from "./campaign-commands";
import { userCreateCommand } from "./create-user-command";
import { demoDataCommand } from "./demo-data-command";
import { parseDateCommand } from "./parse-date-command";
import { parseRequisitesCommand } from "./parse-requisites-command";
import { REPORT_ARGS, reportCommand } from "./report-command";
import { exportRoadmapCommand, importRoadmapCommand } from "./roadmap-commands";
import { schoolsExport, schoolsImport } from "./school-commands";
import { scoreCommand } from "./score-command";
import { templateExport, templateImport, templateList } from "./template-commands";
import type { CommandSpec } from "./usage";

/** What main.ts gives a command that works on the database: db() is connected to it already. */
export interface DatabaseContext {
  /** For migrate, backup and restore: DIRECT_DATABASE_URL when given for DATABASE_URL (resolve-database.ts). */
  databaseUrl: string;
  /** Progress lines (stderr): stdout is the result's JSON. */
  log: (line: string) => void;
}

/** A command works on files alone (and must not need a database), or on the database main.ts connected. */
export type CliCommand = CommandSpec &
  (
    | { database: false; run: (args: string[]) => Promise<unknown> }
    | { database: true; run: (args: string[], context: DatabaseContext) => Promise<unknown> }
  );

/** THE COMMAND TABLE: dispatch, `--help` and the usage text all come from it, in this order. */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: "db migrate",
    description: ["apply pending migrations"],
    database: true,
    run: async (_args, { databaseUrl, log }) => migrate({ databaseUrl, log }),
  },
  {
    name: "db seed",
    description: ["migrate, then load the demo data (demo databases only)"],
    database: true,
    run: async (_args, { databaseUrl, log }) => {
      const migrations = await migrate({ databaseUrl, log });
      const seeded = await seedDemo({ db: db(), log });
      return { migrations: migrations.applied, seeded };
    },
  },
  {
    name: "demo-data",
    args: "--scale demo|region|national [--seed N]",
    description: [
      "db seed, then generated data in bulk (region: «Тестовая область», 44 municipalities,",
      "1,200 schools, a scored campaign, roadmaps, ДОТ records); deterministic per seed",
    ],
    database: true,
    run: async (args, { databaseUrl, log }) => demoDataCommand(args, databaseUrl, log),
  },
  {
    name: "user create",
    args: "--email E --role R --scope S [--name N] [--password P]",
    description: [
      "R: REGION_ADMIN | REGION_AUDITOR | MUNICIPAL_COORDINATOR | SCHOOL_COORDINATOR",
      'S: region code ("23"), "23/Славянский район",',
      '   "23/Славянский район/МБОУ СОШ № 1", or an id',
    ],
    database: true,
    run: async (args) => userCreateCommand(args),
  },
  {
    name: "template list",
    args: "[--region 23]",
    description: ["the region's templates with their newest published version"],
    database: true,
    run: async (args) => templateList(args),
  },
  {
    name: "template export",
    args: "<key> [--version N] --format json|xlsx|pdf|docx --out <file> [--region 23]",
    description: ["writes a template version (the newest published without N); pdf, docx: its empty blank to print or fill in Word"],
    database: true,
    run: async (args) => templateExport(args),
  },
  {
    name: "template import",
    args: "<file> [--region 23]",
    description: [
      "imports a JSON or XLSX template as its next published version",
      "--region: a region code; without it, the only region with templates",
    ],
    database: true,
    run: async (args) => templateImport(args),
  },
  {
    name: "campaign list",
    args: "[--region 23]",
    description: ["campaigns with their participants' statuses"],
    database: true,
    run: async (args) => campaignList(args),
  },
  {
    name: "blank import-docx",
    args: "<file> --blank <id> [--dry-run]",
    description: [
      "a filled Word blank (the app's DOCX form or seed 000's table) into the blank's answers,",
      "as its region's administrator on the participant's behalf; prints the preview as JSON,",
      "and without --dry-run applies it in one save ({ version, applied, fileId })",
    ],
    database: true,
    run: async (args) => importBlankDocxCommand(args),
  },
  {
    name: "reminders send",
    description: [
      "deadline reminders (7 days and 1 day before), plan event reminders",
      "(a week before, and when overdue), and their e-mails",
    ],
    database: true,
    run: async () => remindersSend(),
  },
  {
    name: "score",
    args: "--template <file.json> --answers <file.json> [--campaign-date YYYY-MM-DD]",
    description: ["scores one blank from a template export and an answers file (no database)"],
    database: false,
    run: scoreCommand,
  },
  {
    name: "schools import",
    args: '<file> --municipality "23/Славянский район" [--sheet NAME] [--dry-run]',
    description: [
      "imports a table of schools (XLSX, or CSV in UTF-8, UTF-16 or Windows-1251; seed 001's",
      "columns): all rows or none; --sheet names the workbook's sheet when several hold the table",
    ],
    database: true,
    run: async (args) => schoolsImport(args),
  },
  {
    name: "schools export",
    args: '--municipality "23/Славянский район" --format xlsx|csv --out <file>',
    description: ["writes the municipality's schools in the same columns"],
    database: true,
    run: async (args) => schoolsExport(args),
  },
  {
    name: "roadmap import",
    aliases: ["import-roadmap"],
    args: "<file> [--school-year 2020/2021] [--sheet NAME] [--dry-run]",
    description: [
      "imports a roadmap report in seed 002's columns (Markdown, CSV, XLSX or a Word table, DOCX) into each",
      "named municipality's roadmap, all rows or none; prints { imported, updated, errors, notices }",
    ],
    database: true,
    run: async (args) => importRoadmapCommand(args),
  },
  {
    name: "roadmap export",
    aliases: ["export-roadmap"],
    args: "<plan id> --format xlsx|csv --out <file>",
    description: ["writes a plan's events in seed 002's columns, which import back to the same events"],
    database: true,
    run: async (args) => exportRoadmapCommand(args),
  },
  {
    name: "parse-requisites",
    args: '[--list] "<text>"',
    description: [
      "a document's requisites (type, issuer, date, number, title) from Russian text;",
      "--list: every document the text holds, the order that approved one («утв. приказом … от … № …») as its own",
    ],
    database: false,
    run: parseRequisitesCommand,
  },
  {
    name: "parse-date",
    args: '"<text>" [--school-year 2020/2021] [--from YYYY-MM-DD --to YYYY-MM-DD]',
    description: [
      "an event's timing from Russian text (exact date, range, month, deadline,",
      "period — quarters, half-years, school quarters too —, recurring with due",
      "dates inside the school year or plan range)",
    ],
    database: false,
    run: parseDateCommand,
  },
  {
    name: "report",
    args: REPORT_ARGS,
    description: [
      "a report of a blank, campaign, plan, or school/municipality/region, as a PDF",
      "or its DOCX twin (--format, else the out file's extension, else PDF), made as",
      "the administrator of its region; prints { out, format, bytes, pages }",
    ],
    database: true,
    run: async (args) => reportCommand(args),
  },
  {
    name: "backup",
    args: "--out <file.tar.gz> [--force]",
    description: [
      "the database (schema public, one consistent snapshot) and every stored file",
      "in one archive; --force overwrites an existing file; prints { out, bytes, tables, rows, files }",
    ],
    database: true,
    run: async (args, { databaseUrl, log }) => backupCommand(args, databaseUrl, log),
  },
  {
    name: "restore",
    args: "<file.tar.gz> [--force]",
    description: [
      "an archive of backup into an empty database and the storage, all or nothing;",
      "--force replaces a database that holds data; prints { restored, tables, rows, files }",
    ],
    database: true,
    run: async (args, { databaseUrl, log }) => restoreCommand(args, databaseUrl, log),
  },
];
