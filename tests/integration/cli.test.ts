import { describe, expect, it } from "vitest";
import { COMMANDS } from "@/lib/cli/commands";
import { commandLine } from "@/lib/cli/usage";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureOrganization, ensureRegion } from "@/lib/server/seed/factories";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { runCli, runScript } from "../support/cli";
import { useTestDatabase } from "../support/test-database";

const databaseUrl = useTestDatabase();

const cli = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl() });

describe("command line", () => {
  it("db migrate prints what it did as JSON", () => {
    const result = cli("db", "migrate");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.applied).toEqual([]);
    expect(json.alreadyApplied.length).toBeGreaterThan(0);
  });

  it("user create makes a coordinator from a readable scope and prints the user as JSON", async () => {
    const region = await ensureRegion(db(), { code: "23", name: "Краснодарский край" });
    const municipality = await ensureMunicipality(db(), { regionId: region.id, name: "Славянский район" });
    await ensureOrganization(db(), { regionId: region.id, municipalityId: municipality.id, kind: "SCHOOL", name: "МБОУ СОШ № 1" });

    const result = cli(
      "user",
      "create",
      "--email",
      "cli.school@example.ru",
      "--role",
      "SCHOOL_COORDINATOR",
      "--scope",
      "23/Славянский район/МБОУ СОШ № 1",
      "--name",
      "Сидорова Анна",
      "--password",
      "cli-password-2026",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ email: "cli.school@example.ru", name: "Сидорова Анна", role: "SCHOOL_COORDINATOR" });
    expect(json.password).toBeUndefined();
    expect(await verifyCredentials({ email: "cli.school@example.ru", password: "cli-password-2026" })).toMatchObject({ ok: true });

    const generated = JSON.parse(
      cli("user", "create", "--email", "cli.admin@example.ru", "--role", "REGION_ADMIN", "--scope", "23").stdout,
    );
    expect(generated.password).toMatch(/^[\w-]{16}$/);
    expect(await verifyCredentials({ email: "cli.admin@example.ru", password: generated.password })).toMatchObject({ ok: true });
  });

  it("refuses bad arguments on stderr with a non-zero exit and nothing on stdout", () => {
    for (const args of [
      ["user", "create", "--email", "x@example.ru", "--role", "KING", "--scope", "23"],
      ["user", "create", "--email", "x@example.ru", "--role", "MUNICIPAL_COORDINATOR", "--scope", "23/Нет такого района"],
      ["user", "create", "--email", "x@example.ru", "--role", "REGION_ADMIN", "--scope", "99"],
    ]) {
      const result = cli(...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^Error: /);
    }
    expect(cli("frobnicate").code).toBe(2);
  });

  it("campaign list prints the campaigns with their participants' statuses", async () => {
    await db().user.deleteMany({ where: { isDemo: false } });
    await seedDemo({ db: db() });
    const result = cli("campaign", "list", "--region", "23");
    expect(result.code).toBe(0);
    const [campaign] = JSON.parse(result.stdout);
    expect(campaign).toMatchObject({
      name: "Методический аудит муниципальных центров дистанционного образования 2022",
      date: "2022-12-06",
      deadline: "2022-11-25",
      notSubmitted: ["Белоглинский район", "Крыловский район", "Новопокровский район"],
    });
    expect(campaign.participants).toHaveLength(26);
    expect(campaign.participants[0]).toEqual({
      municipality: "Белоглинский район",
      school: null,
      template: "Бланк соответствия критериям оценки деятельности работы муниципального координатора",
      status: "NOT_STARTED",
    });
    expect(campaign.participants.filter((p: { status: string }) => p.status === "ACCEPTED")).toHaveLength(20);
  });

  it("--help prints every command of the table with its arguments and older spellings", () => {
    const result = cli("--help");
    expect(result.code).toBe(0);
    for (const command of COMMANDS) {
      expect(result.stdout).toContain(`  ${commandLine(command)}`);
      for (const alias of command.aliases ?? []) expect(result.stdout).toContain(alias);
    }
    expect(result.stdout).toContain("roadmap import <file>");
    const nothing = cli();
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe(`${result.stdout.trimEnd()}\n`);
    expect(cli("roadmap", "export", "--help").stdout).toMatch(/^Usage: npm run -s cli -- roadmap export <plan id>/);
  });

  it("the offline commands need no database", () => {
    // No DATABASE_URL, and a data directory where no embedded server could start.
    const offline = { DATABASE_URL: undefined, DATA_DIR: "/dev/null/metodaudit" };
    const date = runCli(["parse-date", "до 1 сентября 2020 года"], offline);
    expect(date.stderr).toBe("");
    expect(JSON.parse(date.stdout)).toMatchObject({ kind: "deadline", end: "2020-09-01" });
    expect(runCli(["parse-requisites", "Приказ от 12.03.2021 № 52-П"], offline).code).toBe(0);
    expect(runCli(["campaign", "list"], offline).code).toBe(1);
  });

  it("start-up stops with a message naming a bad variable", () => {
    const result = runScript("scripts/start.ts", [], { DATABASE_URL: databaseUrl(), PORT: "not-a-port" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT:");
  });
});
