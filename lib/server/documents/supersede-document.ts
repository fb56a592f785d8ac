import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { documentWhere } from "./document-access";

/** Marks a document superseded by a newer one of the same region (e.g. a new order on the same matter). */
export async function supersedeDocument(options: { scope: Scope; documentId: string; byId: string }) {
  if (options.documentId === options.byId) throw new AppError("VALIDATION", "Документ не может заменять сам себя.");
  const [doc, by] = await Promise.all(
    [options.documentId, options.byId].map((id) =>
      db().registryDocument.findFirst({ where: { AND: [{ id }, documentWhere(options.scope)] } }),
    ),
  );
  if (!doc || !by || doc.regionId !== by.regionId) throw notFound("Документ не найден.");
  // Each names the other on its page: a document naming a child is replaced only by another such document.
  if (doc.childData !== by.childData) {
    throw new AppError("VALIDATION", "Документ о ребёнке заменяется только другим документом о ребёнке.", {
      byId: ["Выберите документ того же вида."],
    });
  }
  return db().registryDocument.update({ where: { id: doc.id }, data: { status: "SUPERSEDED", supersededById: by.id } });
}
