import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_SCHOOL_NAMES,
  KALTAN,
  KALTAN_SCHOOLS,
  KEMEROVO_REGION,
  KRASNODAR_MUNICIPAL_ORGANISATIONS,
  KRASNODAR_MUNICIPALITIES,
  KRASNODAR_REGION,
  KRASNODAR_REGIONAL_CENTRE,
  KRASNODAR_REPORT_ISSUER,
} from "@/lib/seed-data/regions";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { seedDemoCampaign } from "./seed-demo-campaign";
import { seedDemoDocuments } from "./seed-demo-documents";
import { seedDemoPlans } from "./seed-demo-plans";
import {
  ensureMunicipality,
  ensureOrganization,
  ensurePublishedTemplate,
  ensureRegion,
  ensureReportSettings,
  ensureUser,
} from "./factories";

export interface SeedSummary {
  regions: number;
  municipalities: number;
  organizations: number;
  users: number;
}

/**
 * Loads the demo directory and accounts. Idempotent; refuses to touch a database
 * that holds real (non-demo) users.
 */
export async function seedDemo(options: { db: PrismaClient; log?: (line: string) => void }): Promise<SeedSummary> {
  const { db } = options;
  const realUsers = await db.user.count({ where: { isDemo: false } });
  if (realUsers > 0) {
    throw new AppError(
      "CONFLICT",
      `The database holds ${realUsers} non-demo user(s): the demo seed only runs on an empty or demo database.`,
    );
  }

  await db.$transaction(
    async (tx) => {
      const krasnodar = await ensureRegion(tx, KRASNODAR_REGION);
      await ensureOrganization(tx, {
        regionId: krasnodar.id,
        municipalityId: null,
        kind: "REGIONAL_CENTER",
        ...KRASNODAR_REGIONAL_CENTRE,
      });
      await ensureReportSettings(tx, { regionId: krasnodar.id, ...KRASNODAR_REPORT_ISSUER });
      const municipalityIds = new Map<string, string>();
      const schoolIds = new Map<string, string>();
      for (const seed of KRASNODAR_MUNICIPALITIES) {
        const municipality = await ensureMunicipality(tx, { regionId: krasnodar.id, ...seed });
        municipalityIds.set(seed.name, municipality.id);
        for (const [index, name] of DEMO_SCHOOL_NAMES.entries()) {
          const school = await ensureOrganization(tx, {
            regionId: krasnodar.id,
            municipalityId: municipality.id,
            kind: "SCHOOL",
            name,
            isBaseSchool: index === 0,
            addresses: [{ label: null, address: `Краснодарский край, ${seed.centre}` }],
          });
          schoolIds.set(`${seed.name}/${name}`, school.id);
        }
      }
      for (const org of KRASNODAR_MUNICIPAL_ORGANISATIONS) {
        const { municipality, ...fields } = org;
        await ensureOrganization(tx, {
          regionId: krasnodar.id,
          municipalityId: municipalityIds.get(municipality) ?? null,
          ...fields,
        });
      }

      for (const document of [MUNICIPAL_BLANK, SCHOOL_BLANK]) {
        await ensurePublishedTemplate(tx, { regionId: krasnodar.id, document });
      }
      await seedDemoCampaign(tx, krasnodar.id);
      await seedDemoDocuments(tx, krasnodar.id, municipalityIds);

      const kemerovo = await ensureRegion(tx, KEMEROVO_REGION);
      const kaltan = await ensureMunicipality(tx, { regionId: kemerovo.id, name: KALTAN.name, aliases: KALTAN.aliases });
      await ensureOrganization(tx, {
        regionId: kemerovo.id,
        municipalityId: kaltan.id,
        kind: "EDUCATION_AUTHORITY",
        ...KALTAN.authority,
      });
      for (const school of KALTAN_SCHOOLS) {
        await ensureOrganization(tx, { regionId: kemerovo.id, municipalityId: kaltan.id, kind: "SCHOOL", ...school });
      }

      const regionIds = { "23": krasnodar.id, "42": kemerovo.id } as const;
      for (const account of DEMO_ACCOUNTS) {
        const municipalityId = "municipality" in account ? municipalityIds.get(account.municipality) : null;
        const organizationId = "organization" in account ? schoolIds.get(`${account.municipality}/${account.organization}`) : null;
        await ensureUser(tx, {
          email: account.email,
          name: account.name,
          password: DEMO_PASSWORD,
          isDemo: true,
          memberships: [{ role: account.role, regionId: regionIds[account.region], municipalityId, organizationId }],
        });
      }
    },
    { timeout: 120_000 },
  );
  // Plans go through the domain operations, which run their own transactions.
  await seedDemoPlans(options.log);

  const summary: SeedSummary = {
    regions: await db.region.count(),
    municipalities: await db.municipality.count(),
    organizations: await db.organization.count(),
    users: await db.user.count(),
  };
  options.log?.(`Demo data: ${JSON.stringify(summary)}`);
  return summary;
}
