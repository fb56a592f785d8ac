import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { loadScope } from "@/lib/server/auth/load-scope";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { listCampaignParticipants } from "@/lib/server/campaigns/list-campaign-participants";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, KALTAN_SCHOOLS } from "@/lib/seed-data/regions";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

/** Every municipality the four seed documents name, as they name it. */
const NAMED_IN_SEEDS = [
  "Выселковский район",
  "Гулькевичский район",
  "Кавказский район",
  "Калининский район",
  "Красноармейский район",
  "Павловский район",
  "Приморск-Ахтарский район",
  "Славянский район",
  "Тбилисский район",
  "Тихорецкий район",
  "Белоглинский район",
  "Крыловский район",
  "Новопокровский район",
  "Краснодар",
];

describe("demo seed", () => {
  it("loads Krasnodar krai with its 44 municipalities and Kemerovo oblast with Kaltan", async () => {
    await seedDemo({ db: db() });
    const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" }, include: { municipalities: true } });
    expect(krasnodar.name).toBe("Краснодарский край");
    expect(krasnodar.municipalities).toHaveLength(44);
    for (const name of NAMED_IN_SEEDS) {
      const found = krasnodar.municipalities.find((m) => m.name === name || m.aliases.includes(name));
      expect(found, name).toBeDefined();
    }
    const schools = await db().organization.count({ where: { regionId: krasnodar.id, kind: "SCHOOL" } });
    expect(schools).toBeGreaterThanOrEqual(44 * 2);
    expect(await db().organization.findFirst({ where: { kind: "REGIONAL_CENTER", regionId: krasnodar.id } })).toMatchObject({
      shortName: "ГБОУ ИРО КК",
    });
  });

  it("holds the five Kaltan schools of seed 001 exactly, with every building's address", async () => {
    const kaltan = await db().municipality.findFirstOrThrow({
      where: { name: "Калтанский городской округ", region: { code: "42" } },
      include: {
        organizations: { where: { kind: "SCHOOL" }, include: { addresses: { orderBy: { position: "asc" } } } },
      },
    });
    const byName = new Map(kaltan.organizations.map((o) => [o.name, o]));
    expect(byName.size).toBe(5);
    for (const school of KALTAN_SCHOOLS) {
      const stored = byName.get(school.name);
      expect(stored, school.name).toBeDefined();
      expect(stored).toMatchObject({ headName: school.headName, phone: school.phone });
      expect(stored!.addresses.map((a) => ({ label: a.label, address: a.address }))).toEqual(school.addresses);
    }
    const sch30 = byName.get('МБОУ "Средняя общеобразовательная школа № 30 имени Н. Н. Колокольцова"')!;
    expect(sch30.addresses[1]!.address).toBe("652825, РФ, Кемеровская область, г. Калтан, с. Сарбала, ул. Советская, 11 а");
    expect(byName.get('МБОУ "Основная общеобразовательная школа № 15"')).toMatchObject({
      headName: "Белоногова Наталья Александровна",
      phone: "3-08-66",
    });
  });

  it("creates the demo accounts with their roles and the documented password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db().user.findUniqueOrThrow({
        where: { email: account.email },
        include: { memberships: { include: { region: true, municipality: true, organization: true } } },
      });
      expect(user.isDemo).toBe(true);
      expect(user.memberships).toHaveLength(1);
      const m = user.memberships[0]!;
      expect(m.role).toBe(account.role);
      expect(m.region.code).toBe(account.region);
      if ("municipality" in account) expect(m.municipality?.name).toBe(account.municipality);
      if ("organization" in account) expect(m.organization?.name).toBe(account.organization);
    }
    expect(await verifyCredentials({ email: "mo.slavyansky@demo.local", password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  });

  it("holds the two seed blanks, published, and the campaign of seed 000", async () => {
    const templates = await db().template.findMany({ include: { versions: true }, orderBy: { key: "asc" } });
    expect(templates.map((t) => [t.key, t.versions.map((v) => v.status)])).toEqual([
      ["mcdo-municipal-coordinator", ["PUBLISHED"]],
      ["mcdo-school-coordinator", ["PUBLISHED"]],
    ]);
    const campaign = await db().campaign.findFirstOrThrow({ where: { name: SEED_CAMPAIGN.name } });
    const auditor = await db().user.findUniqueOrThrow({ where: { email: "auditor@demo.local" } });
    const scope = (await loadScope(auditor.id))!;
    const view = await getCampaign({ scope, id: campaign.id, today: "2026-11-23" });
    expect(view.notSubmitted).toEqual(["Белоглинский район", "Крыловский район", "Новопокровский район"]);
    const participants = await listCampaignParticipants({ scope, campaignId: campaign.id, page: 1, pageSize: 100 });
    expect(participants.total).toBe(view.blanks);
    const accepted = participants.rows.filter((p) => p.status === "ACCEPTED");
    expect(accepted).toHaveLength(view.statusCounts.ACCEPTED);
    expect(new Set(accepted.map((p) => p.municipality))).toEqual(new Set(SEED_CAMPAIGN.audited));
    expect(accepted.filter((p) => p.level === "SCHOOL")).toHaveLength(10);
    // Varied answers: some documents are missing, so findings will appear.
    const absent = await db().answer.count({ where: { blank: { campaignId: campaign.id }, value: { path: ["present"], equals: false } } });
    expect(absent).toBeGreaterThan(10);
  });

  it("holds the seeds' documents in the registry, read by the requisites parser", async () => {
    const order = await db().registryDocument.findFirstOrThrow({ where: { number: "1006" } });
    expect(order).toMatchObject({
      type: "приказ",
      issuer: "Управления образования администрации муниципального образования Славянский район",
      title: "О реализации муниципальной системы методической работы",
    });
    expect(order.date?.toISOString().slice(0, 10)).toBe("2020-09-18");
    const krasnodar = await db().registryDocument.findMany({ where: { number: { in: ["3121/30", "161", "200", "52-П", "560"] } } });
    expect(krasnodar).toHaveLength(5);
  });

  it("holds the seeds' plans: the roadmap of seed 002, the programme of seed 001, the methodical plan of seed 004", async () => {
    const plans = await db().plan.findMany({
      include: {
        _count: { select: { events: true, indicators: true } },
        stages: { orderBy: { number: "asc" } },
        sections: { orderBy: { position: "asc" } },
      },
      orderBy: { kind: "asc" },
    });
    expect(plans.map((p) => [p.kind, p._count.events, p._count.indicators])).toEqual([
      ["ROADMAP", 15, 0],
      ["PROGRAMME", 13, 0],
      ["METHODICAL_PLAN", 42, 9],
    ]);
    const [roadmap, programme, methodical] = plans;
    expect(roadmap!.schoolYear).toBe("2020/2021");
    expect(
      programme!.stages.map((s) => [s.timingText, s.startsOn?.toISOString().slice(0, 10), s.endsOn?.toISOString().slice(0, 10)]),
    ).toEqual([
      ["Сентябрь – декабрь 2013 г.", "2013-09-01", "2013-12-31"],
      ["Декабрь 2013 г. – апрель 2015 г.", "2013-12-01", "2015-04-30"],
      ["Май 2015 г. – август 2015 г.", "2015-05-01", "2015-08-31"],
    ]);
    expect(methodical!.sections.map((s) => s.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(methodical!.approvedById).not.toBeNull();
  });

  it("is idempotent", async () => {
    const count = async () => ({
      regions: await db().region.count(),
      municipalities: await db().municipality.count(),
      organizations: await db().organization.count(),
      addresses: await db().organizationAddress.count(),
      users: await db().user.count(),
      memberships: await db().membership.count(),
      campaigns: await db().campaign.count(),
      blanks: await db().blank.count(),
      answers: await db().answer.count(),
      plans: await db().plan.count(),
      events: await db().planEvent.count(),
      documents: await db().registryDocument.count(),
    });
    const before = await count();
    await seedDemo({ db: db() });
    expect(await count()).toEqual(before);
  });

  it("refuses to run on a database that has real users", async () => {
    await db().user.create({ data: { email: "real@region.ru", name: "Реальный пользователь", passwordHash: "x" } });
    await expect(seedDemo({ db: db() })).rejects.toThrow(AppError);
    await expect(seedDemo({ db: db() })).rejects.toThrow(/non-demo user/);
  });
});
