import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { recordReads } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";
import { findReadableFiles } from "@/lib/server/privacy/file-access";
import { documentWhere } from "./document-access";
import { ownerNames } from "./list-documents";

/**
 * A registry document with its file, its successor and where it is used (blank items
 * the caller may see). A document naming a child is a read of the child's data: recorded.
 */
export async function getDocument(options: { scope: Scope; id: string }) {
  const doc = await db().registryDocument.findFirst({
    where: { AND: [{ id: options.id }, documentWhere(options.scope)] },
    include: {
      supersededBy: { select: { id: true, type: true, issuer: true, date: true, number: true, title: true } },
      supersedes: { select: { id: true, type: true, issuer: true, date: true, number: true, title: true } },
    },
  });
  if (!doc) throw notFound("Документ не найден.");
  if (doc.childData) {
    await recordReads(db(), actorOfScope(options.scope), [{ entity: "RegistryDocument", entityId: doc.id, regionId: doc.regionId }]);
  }
  const [files, names, usedIn] = await Promise.all([
    findReadableFiles(options.scope, doc.fileId ? [doc.fileId] : [], { name: true }),
    ownerNames([doc]),
    db().answer.findMany({
      where: { value: { path: ["documentId"], equals: doc.id }, blank: blankWhere(options.scope) },
      select: {
        itemKey: true,
        blank: {
          select: {
            id: true,
            campaign: { select: { name: true } },
            templateVersion: { select: { template: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  const file = files[0] ? { id: files[0].id, name: files[0].name } : null;
  return { ...doc, file, owner: names.get(doc.organizationId ?? doc.municipalityId ?? "") ?? "", usedIn };
}
