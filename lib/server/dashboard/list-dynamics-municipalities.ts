import "server-only";
import { municipalityWhere, narrowScope, type Scope } from "@/lib/scope";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { replicaDb } from "@/lib/server/db/replica";
import { SUPERVISORS } from "@/lib/roles";

/**
 * The municipalities whose dynamics the caller may open — the region's for its
 * staff, their own for a municipal coordinator — that took part in a campaign.
 */
export async function listDynamicsMunicipalities(options: { scope: Scope }): Promise<{ id: string; name: string }[]> {
  const scope = narrowScope(options.scope, SUPERVISORS);
  return replicaDb().municipality.findMany({
    where: { AND: [municipalityWhere(scope), { blanks: { some: blankWhere(scope) } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
