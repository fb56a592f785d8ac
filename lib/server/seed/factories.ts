import "server-only";
import type { OrganizationKind, PrismaClient } from "@/lib/generated/prisma/client";
import { membershipRow, type MembershipInput } from "@/lib/scope";
import type { TTemplateDocument } from "@/lib/schemas/template";
import { hashPassword } from "@/lib/server/auth/password";
import { asJson } from "@/lib/server/db/json";

/**
 * Reusable builders of directory rows, shared by the demo seed and the tests.
 * `ensure*` find by natural key first, so a seed built from them is idempotent.
 */
type Db = Pick<PrismaClient, "region" | "municipality" | "organization" | "user" | "membership" | "reportSettings">;

export async function ensureRegion(db: Db, input: { code: string; name: string }) {
  return db.region.upsert({ where: { code: input.code }, update: { name: input.name }, create: input });
}

/** A region's report issuer, unless the region has named its own: a re-seed keeps an admin's choice. */
export async function ensureReportSettings(db: Db, input: { regionId: string; organizationName: string; details: string }) {
  return db.reportSettings.upsert({ where: { regionId: input.regionId }, update: {}, create: input });
}

export async function ensureMunicipality(db: Db, input: { regionId: string; name: string; aliases?: string[] }) {
  return db.municipality.upsert({
    where: { regionId_name: { regionId: input.regionId, name: input.name } },
    update: { aliases: input.aliases ?? [] },
    create: { regionId: input.regionId, name: input.name, aliases: input.aliases ?? [] },
  });
}

export interface OrganizationInput {
  regionId: string;
  municipalityId: string | null;
  kind: OrganizationKind;
  name: string;
  shortName?: string | null;
  isBaseSchool?: boolean;
  isLowResults?: boolean;
  isDifficultConditions?: boolean;
  headName?: string | null;
  phone?: string | null;
  addresses?: ReadonlyArray<{ label: string | null; address: string }>;
}

export async function ensureOrganization(db: Db, input: OrganizationInput) {
  const { addresses = [], ...fields } = input;
  const existing = await db.organization.findFirst({
    where: { regionId: input.regionId, municipalityId: input.municipalityId, name: input.name },
  });
  const addressRows = addresses.map((a, position) => ({ position, label: a.label, address: a.address }));
  if (existing) {
    return db.organization.update({
      where: { id: existing.id },
      data: { ...fields, addresses: { deleteMany: {}, create: addressRows } },
    });
  }
  return db.organization.create({ data: { ...fields, addresses: { create: addressRows } } });
}

export async function ensureUser(
  db: Db,
  input: { email: string; name: string; password: string; isDemo?: boolean; memberships: MembershipInput[] },
) {
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.upsert({
    where: { email: input.email },
    update: { name: input.name, passwordHash },
    create: { email: input.email, name: input.name, passwordHash, isDemo: input.isDemo ?? false },
  });
  for (const m of input.memberships) {
    const row = membershipRow(user.id, m);
    await db.membership.upsert({
      where: { userId_role_scopeId: { userId: user.id, role: row.role, scopeId: row.scopeId } },
      update: {},
      create: row,
    });
  }
  return user;
}

/** A template with its content as version 1, published; unchanged when it exists. */
export async function ensurePublishedTemplate(
  db: Pick<PrismaClient, "template" | "templateVersion">,
  input: { regionId: string; document: TTemplateDocument },
) {
  const { document } = input;
  const template = await db.template.upsert({
    where: { regionId_key: { regionId: input.regionId, key: document.key } },
    update: {},
    create: { regionId: input.regionId, key: document.key, name: document.name, level: document.level },
  });
  const existing = await db.templateVersion.findFirst({ where: { templateId: template.id }, orderBy: { version: "desc" } });
  if (existing) return { template, version: existing };
  const version = await db.templateVersion.create({
    data: {
      templateId: template.id,
      version: 1,
      status: "PUBLISHED",
      publishedAt: new Date(),
      content: asJson(document.content),
    },
  });
  return { template, version };
}
