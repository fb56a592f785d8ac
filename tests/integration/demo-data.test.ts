import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createRandom } from "@/lib/seed-data/random";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { generateRegion } from "@/lib/server/seed/demo-data/generate-region";
import { GENERATED_PASSWORD, regionScale, SCALES, type DemoScale } from "@/lib/server/seed/demo-data/scales";
import { seedDemoData } from "@/lib/server/seed/demo-data/seed-demo-data";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

const log = () => {};

/** A checksum of everything named or scored in a region, ids left out. */
async function checksumOf(code: string): Promise<string> {
  const region = await db().region.findUniqueOrThrow({ where: { code } });
  const where = { regionId: region.id };
  const [municipalities, organizations, addresses, students, blanks, events] = await Promise.all([
    db().municipality.findMany({ where, orderBy: { name: "asc" }, select: { name: true } }),
    db().organization.findMany({
      where,
      orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }],
      select: { name: true, headName: true, phone: true, isBaseSchool: true },
    }),
    db().organizationAddress.findMany({ where: { organization: where }, orderBy: { address: "asc" }, select: { address: true } }),
    db().dotStudent.findMany({
      where,
      orderBy: [{ fullName: "asc" }, { birthDate: "asc" }],
      select: { fullName: true, grade: true, status: true },
    }),
    db().blank.findMany({
      where,
      orderBy: [{ municipality: { name: "asc" } }, { organization: { name: "asc" } }],
      select: { status: true, score: true, grade: true },
    }),
    db().planEvent.findMany({
      where: { plan: where },
      select: { plan: { select: { municipalityId: true } }, position: true, title: true, timingText: true, status: true },
    }),
  ]);
  const names = new Map((await db().municipality.findMany({ where })).map((m) => [m.id, m.name]));
  const eventRows = events
    .map((e) => [names.get(e.plan.municipalityId!), String(e.position).padStart(3, "0"), e.title, e.timingText, e.status].join("|"))
    .sort();
  return createHash("sha256")
    .update(JSON.stringify([municipalities, organizations, addresses, students, blanks, eventRows]))
    .digest("hex");
}

describe("demo-data --scale region", () => {
  it("adds «Тестовая область» with 44 municipalities, 1,200 schools, a scored campaign, roadmaps and ДОТ records", async () => {
    const started = Date.now();
    const result = await seedDemoData({ db: db(), scale: "region", seed: 1, log });
    console.info(
      `demo-data --scale region: ${((Date.now() - started) / 1000).toFixed(1)} s (generation ${result.seconds} s incl. demo seed)`,
    );
    expect(result.regions).toHaveLength(1);

    const region = await db().region.findUniqueOrThrow({ where: { code: "R01" } });
    expect(region.name).toBe("Тестовая область");
    expect(await db().municipality.count({ where: { regionId: region.id } })).toBe(44);
    expect(await db().organization.count({ where: { regionId: region.id, kind: "SCHOOL" } })).toBe(1200);
    expect(await db().organization.count({ where: { regionId: region.id, isBaseSchool: true } })).toBe(44);

    const campaign = await db().campaign.findFirstOrThrow({ where: { regionId: region.id } });
    const blanks = await db().blank.findMany({ where: { campaignId: campaign.id }, include: { _count: { select: { answers: true } } } });
    expect(blanks).toHaveLength(1244);
    expect(blanks.filter((b) => b.organizationId === null)).toHaveLength(44);
    const accepted = blanks.filter((b) => b.status === "ACCEPTED");
    expect(accepted.length).toBe(1244 - Math.round(1244 * 0.2));
    expect(accepted.every((b) => b._count.answers > 0 && b.score !== null && b.grade !== null)).toBe(true);
    expect(blanks.filter((b) => b.status === "NOT_STARTED").every((b) => b._count.answers === 0 && b.score === null)).toBe(true);
    // Varied: every grade shows up, documents are missing here and there, findings follow.
    expect(new Set(accepted.map((b) => b.grade)).size).toBeGreaterThanOrEqual(2);
    const absent = await db().answer.count({ where: { blank: { campaignId: campaign.id }, value: { path: ["present"], equals: false } } });
    expect(absent).toBeGreaterThan(1000);
    expect(await db().answer.count({ where: { blank: { campaignId: campaign.id, status: "ACCEPTED" }, status: null } })).toBe(0);
    expect(await db().finding.count({ where: { campaignId: campaign.id } })).toBeGreaterThan(0);

    const plans = await db().plan.findMany({ where: { regionId: region.id }, include: { _count: { select: { events: true } } } });
    expect(plans).toHaveLength(44);
    expect(plans.every((p) => p.kind === "ROADMAP" && p._count.events >= 45)).toBe(true);
    expect(await db().planEvent.count({ where: { plan: { regionId: region.id }, timingKind: "UNKNOWN" } })).toBe(0);
    expect(await db().dotStudent.count({ where: { regionId: region.id } })).toBe(2000);
  });

  it("scores as the stored scoring does: a generated blank re-scored keeps its score and grade", async () => {
    const { scoreStoredBlank } = await import("@/lib/server/scoring/internal/score-stored-blank");
    const sample = await db().blank.findMany({
      where: { status: "ACCEPTED", campaign: { region: { code: "R01" } } },
      take: 25,
      orderBy: { id: "asc" },
    });
    for (const blank of sample) {
      const rescored = await db().$transaction((tx) => scoreStoredBlank(tx, blank.id));
      expect([rescored.score, rescored.grade]).toEqual([blank.score, blank.grade]);
    }
  });

  it("adds nothing when run twice", async () => {
    const count = async () => [
      await db().region.count(),
      await db().organization.count(),
      await db().blank.count(),
      await db().answer.count(),
      await db().plan.count(),
      await db().planEvent.count(),
      await db().dotStudent.count(),
      await db().finding.count(),
    ];
    const before = await count();
    const result = await seedDemoData({ db: db(), scale: "region", seed: 1, log });
    expect(result.skipped).toEqual(["R01"]);
    expect(await count()).toEqual(before);
  });

  it("gives the same data for the same seed, other data for another", async () => {
    const scale = SCALES.region;
    const name = "Тестовая область";
    await generateRegion({ region: { code: "R98", name }, random: createRandom(1), scale, log });
    await generateRegion({ region: { code: "R97", name }, random: createRandom(2), scale, log });
    const original = await checksumOf("R01");
    expect(await checksumOf("R98")).toBe(original);
    expect(await checksumOf("R97")).not.toBe(original);
  });

  it("gives the region scale's accounts: a region admin, auditors, municipal and school coordinators", async () => {
    const region = await db().region.findUniqueOrThrow({ where: { code: "R01" } });
    const memberships = await db().membership.groupBy({ by: ["role"], where: { regionId: region.id }, _count: true });
    expect(Object.fromEntries(memberships.map((m) => [m.role, m._count]))).toEqual({
      REGION_ADMIN: 2,
      REGION_AUDITOR: 4,
      MUNICIPAL_COORDINATOR: 44,
      SCHOOL_COORDINATOR: 250 - 2 - 4 - 44,
    });
  });
});

describe("demo-data with several regions and campaigns", () => {
  // A national scale in miniature (national itself takes minutes: not run here).
  const custom: DemoScale = {
    regions: 2,
    municipalities: 5,
    schools: 31,
    campaigns: 3,
    notSubmittedShare: 0.2,
    eventsPerPlan: 6,
    dotStudents: 41,
    users: 21,
    implemented: true,
  };

  it("spreads a scale's totals over its regions, adding up to them", () => {
    const shares = Array.from({ length: 85 }, (_, i) => regionScale(SCALES.national, i + 1));
    const total = (key: "municipalities" | "schools" | "dotStudents" | "users") => shares.reduce((sum, s) => sum + s[key], 0);
    expect([total("municipalities"), total("schools"), total("dotStudents"), total("users")]).toEqual([2300, 40000, 100000, 10000]);
    expect(new Set(shares.map((s) => s.municipalities))).toEqual(new Set([27, 28]));
  });

  it("links each region's campaigns by previousCampaignId and creates accounts that can sign in", async () => {
    const codes = ["S01", "S02"];
    for (const [i, code] of codes.entries()) {
      const result = await generateRegion({
        region: { code, name: `Малая область № ${i + 1}` },
        random: createRandom(7),
        scale: regionScale(custom, i + 1),
        log,
      });
      expect(result.campaigns).toBe(3);
      expect(result.users).toBe(i === 0 ? 11 : 10);
    }
    for (const [i, code] of codes.entries()) {
      const region = await db().region.findUniqueOrThrow({ where: { code } });
      const municipalities = await db().municipality.findMany({ where: { regionId: region.id } });
      expect(municipalities).toHaveLength(i === 0 ? 3 : 2);
      const schools = await db().organization.count({ where: { regionId: region.id, kind: "SCHOOL" } });
      expect(schools).toBe(i === 0 ? 16 : 15);

      const campaigns = await db().campaign.findMany({
        where: { regionId: region.id },
        orderBy: { date: "asc" },
        include: { _count: { select: { blanks: true } } },
      });
      expect(campaigns.map((c) => c.date.toISOString().slice(0, 10))).toEqual(["2023-11-20", "2024-11-20", "2025-11-20"]);
      expect(campaigns.map((c) => c.previousCampaignId)).toEqual([null, campaigns[0]!.id, campaigns[1]!.id]);
      // Every campaign has a blank for every municipality and school of the region.
      expect(campaigns.every((c) => c._count.blanks === municipalities.length + schools)).toBe(true);
      expect(await db().answer.count({ where: { blank: { regionId: region.id } } })).toBeGreaterThan(0);
      // A roadmap per municipality for each campaign's school year.
      const plans = await db().plan.groupBy({
        by: ["schoolYear"],
        where: { regionId: region.id },
        _count: true,
        orderBy: { schoolYear: "asc" },
      });
      expect(plans.map((p) => [p.schoolYear, p._count])).toEqual(
        ["2023/2024", "2024/2025", "2025/2026"].map((y) => [y, municipalities.length]),
      );

      const memberships = await db().membership.findMany({ where: { regionId: region.id }, include: { user: true } });
      expect(memberships).toHaveLength(i === 0 ? 11 : 10);
      expect(new Set(memberships.map((m) => m.role))).toEqual(
        new Set(["REGION_ADMIN", "REGION_AUDITOR", "MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"]),
      );
      expect(memberships.every((m) => m.user.isDemo)).toBe(true);
      // One hash for every generated account (hashed once, not per user).
      expect(new Set(memberships.map((m) => m.user.passwordHash)).size).toBe(1);
      const coordinator = memberships.find((m) => m.role === "SCHOOL_COORDINATOR")!;
      expect(await verifyCredentials({ email: coordinator.user.email, password: GENERATED_PASSWORD })).toEqual({
        ok: true,
        userId: coordinator.userId,
      });
      expect(await verifyCredentials({ email: coordinator.user.email, password: "wrong-password" })).toMatchObject({ ok: false });
    }
    // Earlier years have no ДОТ records, so their blanks were scored without official counts, as the stored scoring finds them.
    const { scoreStoredBlank } = await import("@/lib/server/scoring/internal/score-stored-blank");
    const sample = await db().blank.findMany({
      where: { status: "ACCEPTED", campaign: { region: { code: "S01" } } },
      orderBy: { id: "asc" },
    });
    for (const blank of sample.filter((_, n) => n % 3 === 0)) {
      const rescored = await db().$transaction((tx) => scoreStoredBlank(tx, blank.id));
      expect([rescored.score, rescored.grade]).toEqual([blank.score, blank.grade]);
    }
    const admins = await db().user.findMany({ where: { email: { startsWith: "admin1@s0" } }, select: { email: true } });
    expect(admins.map((a) => a.email).sort()).toEqual(["admin1@s01.demo-data.local", "admin1@s02.demo-data.local"]);
  });
});
