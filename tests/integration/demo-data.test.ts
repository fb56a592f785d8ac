import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createRandom } from "@/lib/seed-data/random";
import { generateRegion } from "@/lib/server/seed/demo-data/generate-region";
import { SCALES } from "@/lib/server/seed/demo-data/scales";
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
    db().organization.findMany({ where, orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }], select: { name: true, headName: true, phone: true, isBaseSchool: true } }),
    db().organizationAddress.findMany({ where: { organization: where }, orderBy: { address: "asc" }, select: { address: true } }),
    db().dotStudent.findMany({ where, orderBy: [{ fullName: "asc" }, { birthDate: "asc" }], select: { fullName: true, grade: true, status: true } }),
    db().blank.findMany({ where, orderBy: [{ municipality: { name: "asc" } }, { organization: { name: "asc" } }], select: { status: true, score: true, grade: true } }),
    db().planEvent.findMany({ where: { plan: where }, select: { plan: { select: { municipalityId: true } }, position: true, title: true, timingText: true, status: true } }),
  ]);
  const names = new Map((await db().municipality.findMany({ where })).map((m) => [m.id, m.name]));
  const eventRows = events
    .map((e) => [names.get(e.plan.municipalityId!), String(e.position).padStart(3, "0"), e.title, e.timingText, e.status].join("|"))
    .sort();
  return createHash("sha256").update(JSON.stringify([municipalities, organizations, addresses, students, blanks, eventRows])).digest("hex");
}

describe("demo-data --scale region", () => {
  it("adds «Тестовая область» with 44 municipalities, 1,200 schools, a scored campaign, roadmaps and ДОТ records", async () => {
    const started = Date.now();
    const result = await seedDemoData({ db: db(), scale: "region", seed: 1, log });
    console.info(`demo-data --scale region: ${((Date.now() - started) / 1000).toFixed(1)} s (generation ${result.seconds} s incl. demo seed)`);
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
    const { scoreStoredBlank } = await import("@/lib/server/scoring/score-stored-blank");
    const sample = await db().blank.findMany({ where: { status: "ACCEPTED", campaign: { region: { code: "R01" } } }, take: 25, orderBy: { id: "asc" } });
    for (const blank of sample) {
      const rescored = await db().$transaction((tx) => scoreStoredBlank(tx, blank.id));
      expect([rescored.score, rescored.grade]).toEqual([blank.score, blank.grade]);
    }
  });

  it("adds nothing when run twice", async () => {
    const count = async () => [
      await db().region.count(), await db().organization.count(), await db().blank.count(), await db().answer.count(),
      await db().plan.count(), await db().planEvent.count(), await db().dotStudent.count(), await db().finding.count(),
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

  it("refuses national for now", async () => {
    await expect(seedDemoData({ db: db(), scale: "national", seed: 1, log })).rejects.toThrow(/not implemented yet/);
  });
});
