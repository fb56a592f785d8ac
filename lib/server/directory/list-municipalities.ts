import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import { municipalityWhere, type Scope } from "@/lib/scope";
import type { TMunicipalityListQuery } from "@/lib/schemas/list";
import { db } from "@/lib/server/db/client";

export interface MunicipalityRow {
  id: string;
  name: string;
  regionName: string;
  schools: number;
}

type ListOptions = { scope: Scope; query: TMunicipalityListQuery };

export async function listMunicipalities(options: ListOptions): Promise<Page<MunicipalityRow>> {
  const { query } = options;
  return pageOf(municipalitiesSource(options.scope, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iterateMunicipalities(options: ListOptions & { batchSize?: number }) {
  return batchesOf(municipalitiesSource(options.scope, options.query), options.batchSize);
}

function municipalitiesSource(scope: Scope, query: TMunicipalityListQuery): ListSource<MunicipalityRow> {
  const where: Prisma.MunicipalityWhereInput = {
    AND: [municipalityWhere(scope), query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}],
  };
  const orderBy: Prisma.MunicipalityOrderByWithRelationInput[] =
    query.sort === "schools"
      ? [{ organizations: { _count: query.dir } }, { name: "asc" }, { id: "asc" }]
      : [{ name: query.dir }, { id: "asc" }];
  return {
    count: () => db().municipality.count({ where }),
    read: async (window) => {
      const rows = await db().municipality.findMany({
        where,
        orderBy,
        ...window,
        select: {
          id: true,
          name: true,
          region: { select: { name: true } },
          _count: { select: { organizations: { where: { kind: "SCHOOL" } } } },
        },
      });
      return rows.map((m) => ({ id: m.id, name: m.name, regionName: m.region.name, schools: m._count.organizations }));
    },
  };
}
