import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { TDocumentListQuery } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { recordListRead } from "@/lib/server/privacy/record-list-read";
import { documentWhere } from "./document-access";

export interface DocumentRow {
  id: string;
  type: string;
  issuer: string | null;
  date: string | null;
  number: string | null;
  title: string | null;
  owner: string;
  status: "IN_FORCE" | "SUPERSEDED";
  fileId: string | null;
  /** Names a child: part of the child's records (only its readers see it). */
  childData: boolean;
}

type ListOptions = { scope: Scope; query: TDocumentListQuery };

/** The registry as the caller may see it, paged, sorted and filtered in the database. */
export async function listDocuments(options: ListOptions): Promise<Page<DocumentRow>> {
  const { query } = options;
  return pageOf(documentsSource(options.scope, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iterateDocuments(options: ListOptions & { batchSize?: number }) {
  return batchesOf(documentsSource(options.scope, options.query), options.batchSize);
}

/** Documents naming a child, shown to an auditor on a page or in an export, are a read of the children's data: recorded. */
function documentsSource(scope: Scope, query: TDocumentListQuery): ListSource<DocumentRow> {
  const filters: Prisma.RegistryDocumentWhereInput[] = [documentWhere(scope)];
  if (query.type) filters.push({ type: query.type });
  if (query.status) filters.push({ status: query.status });
  if (query.municipalityId) filters.push({ municipalityId: query.municipalityId });
  if (query.q) {
    filters.push({
      OR: ["title", "issuer", "number"].map((field) => ({ [field]: { contains: query.q, mode: "insensitive" } })),
    });
  }
  const where = { AND: filters };
  return {
    count: () => db().registryDocument.count({ where }),
    read: async (window) => {
      const rows = await db().registryDocument.findMany({
        where,
        orderBy: [{ [query.sort]: { sort: query.dir, nulls: "last" } }, { id: "asc" }],
        ...window,
      });
      await recordListRead({ scope, entity: "RegistryDocument", rows: rows.filter((d) => d.childData), after: { search: !!query.q } });
      const names = await ownerNames(rows);
      return rows.map((d) => ({
        id: d.id,
        type: d.type,
        issuer: d.issuer,
        date: d.date?.toISOString().slice(0, 10) ?? null,
        number: d.number,
        title: d.title,
        owner: names.get(d.organizationId ?? d.municipalityId ?? "") ?? "",
        status: d.status,
        fileId: d.fileId,
        childData: d.childData,
      }));
    },
  };
}

/** Display names of the documents' owners, in two queries for the whole page. */
export async function ownerNames(docs: Array<{ municipalityId: string | null; organizationId: string | null }>) {
  const [municipalities, organizations] = await Promise.all([
    db().municipality.findMany({
      where: { id: { in: docs.flatMap((d) => (d.municipalityId ? [d.municipalityId] : [])) } },
      select: { id: true, name: true },
    }),
    db().organization.findMany({
      where: { id: { in: docs.flatMap((d) => (d.organizationId ? [d.organizationId] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  return new Map([...municipalities, ...organizations].map((o) => [o.id, o.name]));
}
