import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseRequisites } from "@/lib/domain/requisites/parse-requisites";
import { DEMO_DOCUMENTS } from "@/lib/seed-data/documents";
import { issuerKeyOf } from "@/lib/server/documents/document-access";

/** The demo registry, read from the seeds' own texts; existing documents are left as they are. */
export async function seedDemoDocuments(tx: Prisma.TransactionClient, regionId: string, municipalityIds: Map<string, string>) {
  for (const { municipality, text } of DEMO_DOCUMENTS) {
    const parsed = parseRequisites(text);
    if (!parsed.ok) throw new Error(`demo document not readable: ${parsed.error}`);
    const { type, issuer, date, number, title } = parsed.value;
    const municipalityId = municipalityIds.get(municipality) ?? null;
    const key = {
      scopeId: municipalityId ?? regionId,
      issuerKey: issuerKeyOf(issuer),
      type: type!,
      number,
      date: date ? new Date(date) : null,
    };
    if (await tx.registryDocument.findFirst({ where: key })) continue;
    await tx.registryDocument.create({ data: { ...key, regionId, issuer, title, municipalityId } });
  }
}
