import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { findReadableFiles } from "@/lib/server/privacy/file-access";
import { citableDocumentWhere } from "./document-access";

/** The documents in force of a blank's participant, for picking a blank item's document from the registry. */
export async function listDocumentsForOwner(options: { scope: Scope; municipalityId: string; organizationId: string | null }) {
  const docs = await db().registryDocument.findMany({
    where: {
      AND: [
        citableDocumentWhere(options.scope),
        { status: "IN_FORCE", municipalityId: options.municipalityId },
        options.organizationId ? { organizationId: options.organizationId } : {},
      ],
    },
    orderBy: [{ date: { sort: "desc", nulls: "last" } }],
    take: 500,
  });
  const files = await findReadableFiles(
    options.scope,
    docs.flatMap((d) => (d.fileId ? [d.fileId] : [])),
    { name: true },
  );
  const fileNames = new Map(files.map((f) => [f.id, f.name]));
  return docs.map((d) => ({
    id: d.id,
    type: d.type,
    issuer: d.issuer ?? "",
    date: d.date?.toISOString().slice(0, 10) ?? "",
    number: d.number ?? "",
    title: d.title ?? "",
    fileId: d.fileId,
    fileName: d.fileId ? (fileNames.get(d.fileId) ?? "") : "",
  }));
}
export type OwnerDocument = Awaited<ReturnType<typeof listDocumentsForOwner>>[number];
