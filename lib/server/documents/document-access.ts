import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { childDocumentReadWhere } from "@/lib/domain/privacy/child-access";
import { type Scope, tenantWhere } from "@/lib/scope";

/**
 * Registry documents a scope may read: region staff all of their region's; a
 * municipal coordinator those of their municipality and its schools; a school
 * coordinator their school's. A document marked as naming a child is part of the
 * child's records: only the child rule reads it (lib/domain/privacy/child-access.ts).
 */
export function documentWhere(scope: Scope): Prisma.RegistryDocumentWhereInput {
  return { AND: [tenantWhere(scope), { OR: [{ childData: false }, childDocumentReadWhere(scope)] }] };
}

/** Documents that may be cited in blanks, plans and appointments: not those naming a child. */
export function citableDocumentWhere(scope: Scope): Prisma.RegistryDocumentWhereInput {
  return { AND: [documentWhere(scope), { childData: false }] };
}

/** The issuer as duplicates are compared: case, «ё» and spacing do not matter. */
export function issuerKeyOf(issuer: string | null): string {
  return (issuer ?? "")
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[«»"“”„]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
