import "server-only";
import { notFound } from "@/lib/errors";
import { municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** A municipality with its organisations; a foreign id is "not found". */
export async function getMunicipality(options: { scope: Scope; id: string }) {
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id: options.id }, municipalityWhere(options.scope)] },
    select: {
      id: true,
      name: true,
      aliases: true,
      region: { select: { id: true, code: true, name: true } },
      organizations: {
        where: organizationWhere(options.scope),
        orderBy: [{ kind: "asc" }, { name: "asc" }],
        select: { id: true, name: true, kind: true, isBaseSchool: true, headName: true, phone: true },
      },
    },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");
  return municipality;
}
