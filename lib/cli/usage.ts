/** What the usage text and the dispatch need of a command (lib/cli/commands.ts holds the table). */
export interface CommandSpec {
  /** The words that call it: "db migrate", "roadmap import", "score". */
  name: string;
  /** Older spellings that still call it. */
  aliases?: readonly string[];
  /** Its arguments after the name, as the usage shows them. */
  args?: string;
  /** What it does: one line of the usage each. */
  description: readonly string[];
}

const PROGRAM = "npm run -s cli --";

/** Where a description starts; a longer command line puts it on the next line. */
const DESCRIPTION_COLUMN = 35;
const INDENT = "  ";

/** "roadmap import <file> [--school-year 2020/2021] [--dry-run]" */
export function commandLine(command: CommandSpec): string {
  return command.args ? `${command.name} ${command.args}` : command.name;
}

/** Its description, then its older spellings. */
const descriptionOf = (command: CommandSpec) => [
  ...command.description,
  ...(command.aliases?.length ? [`(also: ${command.aliases.join(", ")})`] : []),
];

/** One command's lines of the usage: its command line, then its description beside or below it. */
export function commandUsage(command: CommandSpec): string {
  const line = `${INDENT}${commandLine(command)}`;
  const description = descriptionOf(command);
  const pad = " ".repeat(DESCRIPTION_COLUMN);
  const [first = "", ...rest] = description;
  const head = line.length < DESCRIPTION_COLUMN - 1 ? [line.padEnd(DESCRIPTION_COLUMN) + first] : [line, pad + first];
  return [...head, ...rest.map((text) => pad + text)].map((text) => text.trimEnd()).join("\n");
}

/** The whole usage text, every command of the table in its order. */
export function usageText(commands: readonly CommandSpec[]): string {
  return [
    `Usage: ${PROGRAM} <command>`,
    "",
    ...commands.map(commandUsage),
    "",
    `${INDENT}--help, or <command> --help: this text, or one command's`,
  ].join("\n");
}

/** `<command> --help`: the one command's usage. */
export function commandHelp(command: CommandSpec): string {
  return [`Usage: ${PROGRAM} ${commandLine(command)}`, "", ...descriptionOf(command).map((text) => INDENT + text)].join("\n");
}

/**
 * The command that argv starts with, by its name or an alias (the longest spelling wins:
 * "roadmap import" over a one-word command "roadmap"), and the arguments after it.
 */
export function findCommand<C extends CommandSpec>(commands: readonly C[], argv: readonly string[]): { command: C; args: string[] } | null {
  let found: { command: C; words: number } | null = null;
  for (const command of commands) {
    for (const spelling of [command.name, ...(command.aliases ?? [])]) {
      const words = spelling.split(" ");
      const matches = words.every((word, i) => argv[i] === word);
      if (matches && words.length > (found?.words ?? 0)) found = { command, words: words.length };
    }
  }
  return found && { command: found.command, args: argv.slice(found.words) };
}
