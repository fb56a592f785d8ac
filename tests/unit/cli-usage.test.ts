import { describe, expect, it } from "vitest";
import { COMMANDS } from "@/lib/cli/commands";
import { commandHelp, commandLine, findCommand, usageText } from "@/lib/cli/usage";

const TABLE = [
  { name: "db migrate", description: ["apply pending migrations"] },
  { name: "report", args: "<kind> --id <id> --out <file.pdf> [--with-a-long-option]", description: ["a PDF report", "of anything"] },
  { name: "roadmap import", aliases: ["import-roadmap"], args: "<file>", description: ["imports a roadmap"] },
];

describe("the command line's usage, from its table", () => {
  it("puts a short command's description beside it and a long one's below, aligned, with its older spellings", () => {
    expect(usageText(TABLE)).toBe(
      [
        "Usage: npm run -s cli -- <command>",
        "",
        "  db migrate                       apply pending migrations",
        "  report <kind> --id <id> --out <file.pdf> [--with-a-long-option]",
        "                                   a PDF report",
        "                                   of anything",
        "  roadmap import <file>            imports a roadmap",
        "                                   (also: import-roadmap)",
        "",
        "  --help, or <command> --help: this text, or one command's",
      ].join("\n"),
    );
    expect(commandHelp(TABLE[2]!)).toBe(
      ["Usage: npm run -s cli -- roadmap import <file>", "", "  imports a roadmap", "  (also: import-roadmap)"].join("\n"),
    );
  });

  it("finds a command by its name or an alias, and hands it the arguments after them", () => {
    expect(findCommand(TABLE, ["roadmap", "import", "a.md", "--dry-run"])).toEqual({ command: TABLE[2], args: ["a.md", "--dry-run"] });
    expect(findCommand(TABLE, ["import-roadmap", "a.md"])).toEqual({ command: TABLE[2], args: ["a.md"] });
    expect(findCommand(TABLE, ["db", "migrate"])).toEqual({ command: TABLE[0], args: [] });
    expect(findCommand(TABLE, ["db"])).toBeNull();
    expect(findCommand(TABLE, ["roadmap"])).toBeNull();
    expect(findCommand(TABLE, ["frobnicate"])).toBeNull();
    expect(findCommand(TABLE, [])).toBeNull();
  });

  it("the longest spelling wins: a two-word command over a one-word one that starts it", () => {
    const table = [
      { name: "roadmap", description: ["one word"] },
      { name: "roadmap export", description: ["two words"] },
    ];
    expect(findCommand(table, ["roadmap", "export", "x"])?.command).toBe(table[1]);
    expect(findCommand(table, ["roadmap", "x"])).toEqual({ command: table[0], args: ["x"] });
  });
});

describe("the command table", () => {
  const spellings = COMMANDS.flatMap((command) => [command.name, ...(command.aliases ?? [])]);

  it("spells each command one way: no name or alias twice", () => {
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it("each name and alias calls its own command, and the usage shows it", () => {
    const usage = usageText(COMMANDS);
    for (const command of COMMANDS) {
      for (const spelling of [command.name, ...(command.aliases ?? [])]) {
        expect(findCommand(COMMANDS, [...spelling.split(" "), "--x"]), spelling).toEqual({ command, args: ["--x"] });
        expect(usage).toContain(spelling);
      }
      expect(usage).toContain(`\n  ${commandLine(command)}`);
    }
  });

  it("has the roadmap commands beside the schools commands, their old spellings kept", () => {
    expect(findCommand(COMMANDS, ["roadmap", "import"])?.command.aliases).toEqual(["import-roadmap"]);
    expect(findCommand(COMMANDS, ["roadmap", "export"])?.command.aliases).toEqual(["export-roadmap"]);
  });

  it("runs score, parse-requisites and parse-date without a database, and every other command with one", () => {
    expect(COMMANDS.filter((command) => !command.database).map((command) => command.name)).toEqual([
      "score",
      "parse-requisites",
      "parse-date",
    ]);
  });
});
