import "server-only";
import { AppError } from "@/lib/errors";
import { childAccess } from "@/lib/domain/privacy/child-access";
import { scopeIdOf, type Scope } from "@/lib/scope";
import { describeRequisites, type TDocumentCreate } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { resolveFileOwner } from "@/lib/server/files/resolve-file-owner";
import { claimFile } from "@/lib/server/privacy/internal/claim-file";
import { documentWhere, issuerKeyOf } from "./document-access";

/**
 * Adds a document to the registry of a municipality or one of its organisations.
 * The same requisites twice in one owner's registry are refused, naming the existing
 * one when the caller may read it. Each owner keeps its own registry: another school's
 * documents are neither found nor named, so the check tells nobody what others hold.
 */
export async function createDocument(options: { scope: Scope; input: TDocumentCreate }) {
  const { input } = options;
  // The owner must be one the caller may write for (same rule as for uploaded files).
  const owner = await resolveFileOwner({ scope: options.scope, reference: input.owner });
  const scopeId = scopeIdOf(owner);
  const issuerKey = issuerKeyOf(input.issuer);
  if (input.number) {
    const requisites = { scopeId, issuerKey, type: input.type, number: input.number, date: input.date ? new Date(input.date) : null };
    const [visible, any] = await Promise.all([
      db().registryDocument.findFirst({ where: { AND: [requisites, documentWhere(options.scope)] } }),
      db().registryDocument.count({ where: requisites }),
    ]);
    if (any) {
      // Described only to whoever may read it, and a document naming a child only to its own holder:
      // an auditor's error message is no place to read a child's data.
      const named = visible && (!visible.childData || childAccess(options.scope, visible) === "WRITE") ? visible : null;
      throw new AppError(
        "CONFLICT",
        named
          ? `Такой документ уже есть в реестре: ${describeRequisites(named)}.`
          : "Документ с такими реквизитами уже есть в этом реестре.",
        { number: ["Документ с этими реквизитами уже есть."] },
        named ? { existingId: named.id } : {},
      );
    }
  }
  return db().$transaction(async (tx) => {
    const document = await tx.registryDocument.create({
      data: {
        regionId: owner.regionId,
        municipalityId: owner.municipalityId,
        organizationId: owner.organizationId,
        scopeId,
        type: input.type,
        issuer: input.issuer,
        issuerKey,
        date: input.date ? new Date(input.date) : null,
        number: input.number,
        title: input.title,
        fileId: input.fileId,
        childData: input.childData,
        createdById: options.scope.userId,
      },
    });
    if (input.fileId) {
      const claim = { kind: "DOCUMENT" as const, id: document.id, regionId: owner.regionId };
      await claimFile(tx, { scope: options.scope, fileId: input.fileId, owner: claim, childData: input.childData, field: "fileId" });
    }
    return document;
  });
}
