import "server-only";
import { municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** Whom the caller may file documents for: municipalities, then their organisations. */
export async function listDocumentOwners(options: { scope: Scope }) {
  const [municipalities, organizations] = await Promise.all([
    db().municipality.findMany({ where: municipalityWhere(options.scope), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().organization.findMany({
      where: { AND: [organizationWhere(options.scope), { municipalityId: { not: null } }] },
      orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, municipality: { select: { name: true } } },
    }),
  ]);
  return [
    ...municipalities.map((m) => ({ value: `municipality:${m.id}`, label: m.name })),
    ...organizations.map((o) => ({ value: `organization:${o.id}`, label: `${o.municipality?.name}: ${o.name}` })),
  ];
}
