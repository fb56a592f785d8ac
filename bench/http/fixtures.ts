// The HTTP suite's subjects, read from the bench database before the server starts, and the
// bench's own accounts: the generated regions have no users, so each role gets one in the
// benchmarked region, and every autosaving connection a school coordinator of its own blank.
import { answerableItems, type TTemplateContent } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { ensureUser } from "@/lib/server/seed/factories";
import type { ScaleName } from "@/lib/server/seed/demo-data/scales";

export const BENCH_PASSWORD = "bench-password-2026";
const FILLABLE = ["NOT_STARTED", "IN_PROGRESS", "RETURNED"] as const;

export interface Writer {
  email: string;
  blankId: string;
  version: number;
  itemKey: string;
  itemKind: string;
}

export interface HttpFixtures {
  regionCode: string;
  regionId: string;
  campaignId: string;
  campaignBlanks: number;
  municipalityId: string;
  organizationId: string;
  /** An accepted municipal blank: the participant's audit PDF. */
  auditBlankId: string;
  /**
   * The blank list's filter: the campaign's blanks when there are 1,000 of them (page 50 holds
   * rows 981–1,000), else the region's accepted blanks (a national region's campaign has 499).
   */
  blankList: { filter: { campaignId: string } | { status: "ACCEPTED" }; label: string; total: number };
  roadmapId: string;
  roadmapEvents: number;
  /** The events of every plan of the region: its events export. */
  regionEvents: number;
  regionPlans: number;
  users: { admin: string; auditor: string; municipal: string; school: string };
  writers: Writer[];
}

export async function prepareHttpFixtures(options: {
  scale: ScaleName;
  writers: number;
  log: (line: string) => void;
}): Promise<HttpFixtures> {
  // The demo's own region at demo scale, else the first generated one (44 municipalities, 1,244 blanks).
  const regionCode = options.scale === "demo" ? "23" : "R01";
  const region = await db().region.findUniqueOrThrow({ where: { code: regionCode } });
  // The newest campaign: at national scale the earlier ones are closed (nothing left to fill).
  const campaign = await db().campaign.findFirstOrThrow({ where: { regionId: region.id }, orderBy: [{ date: "desc" }, { id: "asc" }] });
  const campaignBlanks = await db().blank.count({ where: { campaignId: campaign.id } });
  const municipal = await db().blank.findFirstOrThrow({
    where: { campaignId: campaign.id, organizationId: null },
    orderBy: { municipality: { name: "asc" } },
    select: { municipalityId: true },
  });
  const school = await db().blank.findFirstOrThrow({
    where: { campaignId: campaign.id, organizationId: { not: null } },
    orderBy: { id: "asc" },
    select: { municipalityId: true, organizationId: true },
  });
  const audit = await db().blank.findFirstOrThrow({
    where: { campaignId: campaign.id, status: "ACCEPTED", organizationId: null },
    orderBy: { id: "asc" },
  });
  const accepted = await db().blank.count({ where: { regionId: region.id, status: "ACCEPTED" } });
  const blankList: HttpFixtures["blankList"] =
    campaignBlanks >= 1000 || accepted < campaignBlanks
      ? { filter: { campaignId: campaign.id }, label: "campaign filter", total: campaignBlanks }
      : { filter: { status: "ACCEPTED" }, label: "status filter «принят»", total: accepted };
  const roadmap = await db().plan.findFirstOrThrow({ where: { regionId: region.id, kind: "ROADMAP" }, orderBy: { id: "asc" } });

  options.log(`Bench accounts in region ${regionCode}…`);
  const email = (name: string) => `bench.${name}.${regionCode.toLowerCase()}@bench.local`;
  const users = { admin: email("admin"), auditor: email("auditor"), municipal: email("mo"), school: email("school") };
  await ensureUser(db(), {
    email: users.admin,
    name: "Bench admin",
    password: BENCH_PASSWORD,
    memberships: [{ role: "REGION_ADMIN", regionId: region.id }],
  });
  await ensureUser(db(), {
    email: users.auditor,
    name: "Bench auditor",
    password: BENCH_PASSWORD,
    memberships: [{ role: "REGION_AUDITOR", regionId: region.id }],
  });
  await ensureUser(db(), {
    email: users.municipal,
    name: "Bench MO",
    password: BENCH_PASSWORD,
    memberships: [{ role: "MUNICIPAL_COORDINATOR", regionId: region.id, municipalityId: municipal.municipalityId }],
  });
  await ensureUser(db(), {
    email: users.school,
    name: "Bench school",
    password: BENCH_PASSWORD,
    memberships: [
      { role: "SCHOOL_COORDINATOR", regionId: region.id, municipalityId: school.municipalityId, organizationId: school.organizationId },
    ],
  });

  // Writers: school blanks still being filled, each with a coordinator of its own. A national
  // region's campaign has about 90 of them; more (the soak at a national deadline day's rate) are
  // taken from the other regions' campaigns of the same date (each region's newest).
  const select = {
    id: true,
    version: true,
    regionId: true,
    municipalityId: true,
    organizationId: true,
    templateVersion: { select: { content: true } },
  } as const;
  const fillable = await db().blank.findMany({
    where: { campaignId: campaign.id, organizationId: { not: null }, status: { in: [...FILLABLE] } },
    orderBy: { id: "asc" },
    take: options.writers,
    select,
  });
  if (fillable.length < options.writers && options.scale !== "demo") {
    const more = await db().blank.findMany({
      where: {
        campaign: { date: campaign.date, regionId: { not: region.id } },
        organizationId: { not: null },
        status: { in: [...FILLABLE] },
      },
      orderBy: { id: "asc" },
      take: options.writers - fillable.length,
      select,
    });
    fillable.push(...more);
  }
  const writers: Writer[] = [];
  for (const [index, blank] of fillable.entries()) {
    const items = answerableItems(blank.templateVersion.content as unknown as TTemplateContent);
    const item =
      items.find((i) => i.kind === "PRESENCE") ?? items.find((i) => i.kind === "COUNT") ?? items.find((i) => i.kind === "TEXT") ?? items[0];
    if (!item) continue;
    const writer = email(`writer${index + 1}`);
    await ensureUser(db(), {
      email: writer,
      name: `Bench writer ${index + 1}`,
      password: BENCH_PASSWORD,
      memberships: [
        {
          role: "SCHOOL_COORDINATOR",
          regionId: blank.regionId,
          municipalityId: blank.municipalityId,
          organizationId: blank.organizationId,
        },
      ],
    });
    writers.push({ email: writer, blankId: blank.id, version: blank.version, itemKey: item.key, itemKind: item.kind });
  }
  return {
    regionCode,
    regionId: region.id,
    campaignId: campaign.id,
    campaignBlanks,
    municipalityId: municipal.municipalityId,
    organizationId: school.organizationId!,
    auditBlankId: audit.id,
    blankList,
    roadmapId: roadmap.id,
    roadmapEvents: await db().planEvent.count({ where: { planId: roadmap.id } }),
    regionEvents: await db().planEvent.count({ where: { plan: { regionId: region.id } } }),
    regionPlans: await db().plan.count({ where: { regionId: region.id } }),
    users,
    writers,
  };
}
