import "server-only";
import { notFound } from "@/lib/errors";
import { organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** An organisation card; a foreign id is "not found". */
export async function getOrganization(options: { scope: Scope; id: string }) {
  const organization = await db().organization.findFirst({
    where: { AND: [{ id: options.id }, organizationWhere(options.scope)] },
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      isBaseSchool: true,
      isLowResults: true,
      isDifficultConditions: true,
      headName: true,
      phone: true,
      email: true,
      region: { select: { code: true, name: true } },
      municipality: { select: { id: true, name: true } },
      addresses: { orderBy: { position: "asc" }, select: { label: true, address: true } },
    },
  });
  if (!organization) throw notFound("Организация не найдена.");
  return organization;
}
