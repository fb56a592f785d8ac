import "server-only";
import { AppError } from "@/lib/errors";
import { scopeIdOf, type Scope } from "@/lib/scope";
import { describeRequisites, ZDocumentCreate } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { fileWhere } from "@/lib/server/files/file-access";
import { resolveFileOwner } from "@/lib/server/files/resolve-file-owner";
import { issuerKeyOf } from "./document-access";

/**
 * Adds a document to the registry of a municipality or one of its organisations.
 * The same requisites twice within an issuer are refused, naming the existing one.
 */
export async function createDocument(options: { scope: Scope; input: unknown }) {
  const input = ZDocumentCreate.parse(options.input);
  // The owner must be one the caller may write for (same rule as for uploaded files).
  const owner = await resolveFileOwner({ scope: options.scope, reference: input.owner });
  if (input.fileId) {
    const file = await db().storedFile.findFirst({ where: { AND: [{ id: input.fileId }, fileWhere(options.scope)] } });
    if (!file) throw new AppError("VALIDATION", "Файл не найден: загрузите его заново.", { fileId: ["Файл не найден."] });
  }
  const issuerKey = issuerKeyOf(input.issuer);
  if (input.number) {
    const existing = await db().registryDocument.findFirst({
      where: { regionId: owner.regionId, issuerKey, type: input.type, number: input.number, date: input.date ? new Date(input.date) : null },
    });
    if (existing) {
      throw new AppError(
        "CONFLICT",
        `Такой документ уже есть в реестре: ${describeRequisites(existing)}.`,
        { number: ["Документ с этими реквизитами уже есть."] },
        { existingId: existing.id },
      );
    }
  }
  return db().registryDocument.create({
    data: {
      regionId: owner.regionId,
      municipalityId: owner.municipalityId,
      organizationId: owner.organizationId,
      scopeId: scopeIdOf(owner),
      type: input.type,
      issuer: input.issuer,
      issuerKey,
      date: input.date ? new Date(input.date) : null,
      number: input.number,
      title: input.title,
      fileId: input.fileId,
      createdById: options.scope.userId,
    },
  });
}
