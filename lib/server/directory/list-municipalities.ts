import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/paging";
import { municipalityWhere, type Scope } from "@/lib/scope";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";
import { db } from "@/lib/server/db/client";

export interface MunicipalityRow {
  id: string;
  name: string;
  regionName: string;
  schools: number;
}

export async function listMunicipalities(options: { scope: Scope; query: unknown }): Promise<Page<MunicipalityRow>> {
  const query = ZMunicipalityListQuery.parse(options.query);
  const where: Prisma.MunicipalityWhereInput = {
    AND: [municipalityWhere(options.scope), query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}],
  };
  const orderBy: Prisma.MunicipalityOrderByWithRelationInput[] =
    query.sort === "schools"
      ? [{ organizations: { _count: query.dir } }, { name: "asc" }]
      : [{ name: query.dir }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db().municipality.count({ where }),
    db().municipality.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        region: { select: { name: true } },
        _count: { select: { organizations: { where: { kind: "SCHOOL" } } } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((m) => ({ id: m.id, name: m.name, regionName: m.region.name, schools: m._count.organizations })),
  };
}
