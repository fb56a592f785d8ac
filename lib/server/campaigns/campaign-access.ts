import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { anyOf, type Scope, tenantConditions } from "@/lib/scope";

/** Region staff see their region's campaigns; coordinators those they take part in. */
export function campaignWhere(scope: Scope): Prisma.CampaignWhereInput {
  const participant = tenantConditions<Prisma.BlankWhereInput>(scope, { municipality: "municipalityId", organization: "organizationId" });
  return anyOf<Prisma.CampaignWhereInput>([
    ...tenantConditions<Prisma.CampaignWhereInput>(scope, { region: "regionId" }),
    ...participant.map((blank) => ({ blanks: { some: blank } })),
  ]);
}
