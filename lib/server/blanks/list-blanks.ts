import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { BlankStatus } from "@/lib/schemas/blank";
import type { TBlankListQuery } from "@/lib/schemas/campaign";
import { replicaDb } from "@/lib/server/db/replica";
import { blankWhere, participantWhere } from "./blank-access";

export interface BlankRow {
  id: string;
  campaignName: string;
  templateName: string;
  participant: string;
  municipalityName: string;
  status: BlankStatus;
  deadline: string;
  updatedAt: string;
}

interface ListOptions {
  scope: Scope;
  query: TBlankListQuery;
  /** Only the blanks the caller fills. */
  only?: "participant";
  /** Only these statuses (the homes' work lists). */
  statuses?: BlankStatus[];
  /** Count the list only when the first page is full (see pageOf): the homes' short lists. */
  countWhenFull?: boolean;
}

/** Blanks the caller may see, paged, sorted and filtered in the database. */
export async function listBlanks(options: ListOptions): Promise<Page<BlankRow>> {
  const { query } = options;
  return pageOf(blanksSource(options, query), query, { countWhenFull: options.countWhenFull });
}

/** The same list, every row, in batches: what its export writes. */
export function iterateBlanks(options: ListOptions & { batchSize?: number }) {
  return batchesOf(blanksSource(options, options.query), options.batchSize);
}

function blanksSource(options: ListOptions, query: TBlankListQuery): ListSource<BlankRow> {
  const filters: Prisma.BlankWhereInput[] = [blankWhere(options.scope)];
  if (options.only === "participant") filters.push(participantWhere(options.scope));
  if (options.statuses) filters.push({ status: { in: options.statuses } });
  if (query.campaignId) filters.push({ campaignId: query.campaignId });
  if (query.municipalityId) filters.push({ municipalityId: query.municipalityId });
  if (query.status) filters.push({ status: query.status });
  if (query.q) {
    filters.push({
      OR: [
        { municipality: { name: { contains: query.q, mode: "insensitive" } } },
        { organization: { name: { contains: query.q, mode: "insensitive" } } },
      ],
    });
  }
  const where = { AND: filters };
  const orderBy: Prisma.BlankOrderByWithRelationInput[] = {
    deadline: [{ campaign: { deadline: query.dir } }],
    participant: [{ municipality: { name: query.dir } }, { organization: { name: query.dir } }],
    status: [{ status: query.dir }],
    updatedAt: [{ updatedAt: query.dir }],
  }[query.sort];
  return {
    count: () => replicaDb().blank.count({ where }),
    read: async (window) => {
      // The window over ids first, then the page's relations by id: read in one query, the
      // relations are built for every row that matches (1,197 on page 50 of a region's list)
      // before the sort and the offset keep 20 of them.
      const ids = (await replicaDb().blank.findMany({ where, orderBy: [...orderBy, { id: "asc" }], ...window, select: { id: true } })).map(
        (b) => b.id,
      );
      if (ids.length === 0) return [];
      const found = await replicaDb().blank.findMany({
        where: { AND: [{ id: { in: ids } }, blankWhere(options.scope)] },
        select: {
          id: true,
          status: true,
          updatedAt: true,
          campaign: { select: { name: true, deadline: true } },
          templateVersion: { select: { template: { select: { name: true } } } },
          municipality: { select: { name: true } },
          organization: { select: { name: true } },
        },
      });
      const byId = new Map(found.map((b) => [b.id, b]));
      return ids
        .flatMap((id) => byId.get(id) ?? [])
        .map((b) => ({
          id: b.id,
          campaignName: b.campaign.name,
          templateName: b.templateVersion.template.name,
          participant: b.organization ? `${b.organization.name} (${b.municipality.name})` : b.municipality.name,
          municipalityName: b.municipality.name,
          status: b.status,
          deadline: b.campaign.deadline.toISOString().slice(0, 10),
          updatedAt: b.updatedAt.toISOString(),
        }));
    },
  };
}
