import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureOrganization, ensureRegion } from "@/lib/server/seed/factories";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { useTestDatabase } from "../support/test-database";

const databaseUrl = useTestDatabase();

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl(), ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const cli = (...args: string[]) => run("lib/cli/main.ts", args);

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

  it("start-up stops with a message naming a bad variable", () => {
    const result = run("lib/cli/start.ts", [], { PORT: "not-a-port" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT:");
  });
});
