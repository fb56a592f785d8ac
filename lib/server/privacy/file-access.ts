import "server-only";
import type { FileOwnerKind, Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { canSeeRegion, type Scope } from "@/lib/scope";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";
import { documentWhere } from "@/lib/server/documents/document-access";
import { findingWhere } from "@/lib/server/findings/finding-access";
import { studentReadWhere } from "@/lib/domain/privacy/child-access";

/**
 * Files inherit their owner's rule: a stored file is readable exactly when what it
 * belongs to is (StoredFile.ownerKind/ownerId) — a blank's attachment by the blank's
 * readers, a registry document's scan by the document's, a child's ИУП by the child
 * rule, a finding's evidence by the finding's, a background report by its requester,
 * the region's report logo by the region's staff. A file nobody has claimed yet is
 * readable by its uploader only. Every path that reads a file's bytes or name asks here.
 */

/** The columns a file's access is decided by. */
export interface FileAccessRow {
  id: string;
  regionId: string;
  ownerKind: FileOwnerKind | null;
  ownerId: string | null;
  uploadedById: string | null;
  childData: boolean;
}

export const FILE_ACCESS_SELECT = {
  id: true,
  regionId: true,
  ownerKind: true,
  ownerId: true,
  uploadedById: true,
  childData: true,
} as const;

type OwnedBy = (scope: Scope, ownerIds: string[]) => Promise<string[]>;

const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);

/** Per kind of owner: which of these owners the caller may read, in one query. */
const READABLE_OWNERS: Record<FileOwnerKind, OwnedBy> = {
  BLANK: async (scope, owners) =>
    ids(await db().blank.findMany({ where: { AND: [{ id: { in: owners } }, blankWhere(scope)] }, select: { id: true } })),
  DOCUMENT: async (scope, owners) =>
    ids(await db().registryDocument.findMany({ where: { AND: [{ id: { in: owners } }, documentWhere(scope)] }, select: { id: true } })),
  DOT_STUDENT: async (scope, owners) =>
    ids(await db().dotStudent.findMany({ where: { AND: [{ id: { in: owners } }, studentReadWhere(scope)] }, select: { id: true } })),
  FINDING: async (scope, owners) =>
    ids(await db().finding.findMany({ where: { AND: [{ id: { in: owners } }, findingWhere(scope)] }, select: { id: true } })),
  // Made for the one who asked for it: not for the rest of the region's staff.
  REPORT_JOB: async (scope, owners) =>
    ids(await db().reportJob.findMany({ where: { id: { in: owners }, requestedById: scope.userId }, select: { id: true } })),
  REPORT_LOGO: async (scope, owners) => owners.filter((regionId) => canSeeRegion(scope, regionId)),
};

/** The regions the caller works in: no file of another tenant is even looked at. */
const tenantOf = (scope: Scope): Prisma.StoredFileWhereInput => ({
  regionId: { in: [...new Set(scope.memberships.map((m) => m.regionId))] },
});

/** The files among `files` the caller may read. */
export async function readableFileIds(scope: Scope, files: readonly FileAccessRow[]): Promise<Set<string>> {
  const regions = new Set(scope.memberships.map((m) => m.regionId));
  const readable = new Set<string>();
  const byKind = new Map<FileOwnerKind, FileAccessRow[]>();
  for (const file of files) {
    if (!regions.has(file.regionId)) continue;
    if (file.ownerKind === null || file.ownerId === null) {
      // Nobody owns it yet: only whoever uploaded it, until an owner claims it.
      if (file.uploadedById === scope.userId) readable.add(file.id);
      continue;
    }
    byKind.set(file.ownerKind, [...(byKind.get(file.ownerKind) ?? []), file]);
  }
  await Promise.all(
    [...byKind].map(async ([kind, rows]) => {
      const owners = new Set(await READABLE_OWNERS[kind](scope, [...new Set(rows.map((r) => r.ownerId!))]));
      for (const row of rows) if (owners.has(row.ownerId!)) readable.add(row.id);
    }),
  );
  return readable;
}

/** The stored files with these ids that the caller may read, with the columns asked for. */
export async function findReadableFiles<S extends Prisma.StoredFileSelect>(
  scope: Scope,
  fileIds: readonly string[],
  select: S,
): Promise<Array<Prisma.StoredFileGetPayload<{ select: S & typeof FILE_ACCESS_SELECT }>>> {
  if (fileIds.length === 0) return [];
  const rows = await db().storedFile.findMany({
    where: { AND: [{ id: { in: [...new Set(fileIds)] } }, tenantOf(scope)] },
    select: { ...select, ...FILE_ACCESS_SELECT },
  });
  const readable = await readableFileIds(scope, rows as FileAccessRow[]);
  return rows.filter((row) => readable.has((row as FileAccessRow).id));
}

/** One file the caller may read; anything else, another tenant's included, is "not found". */
export async function findReadableFile<S extends Prisma.StoredFileSelect>(scope: Scope, fileId: string, select: S) {
  const [file] = await findReadableFiles(scope, [fileId], select);
  if (!file) throw notFound("Файл не найден.");
  return file;
}
