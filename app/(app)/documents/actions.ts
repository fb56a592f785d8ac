"use server";

import { revalidatePath } from "next/cache";
import { ROLES } from "@/lib/scope";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { createDocument } from "@/lib/server/documents/create-document";
import { supersedeDocument } from "@/lib/server/documents/supersede-document";

export async function createDocumentAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      const doc = await createDocument({ scope, input: data });
      revalidatePath("/documents");
      return { id: doc.id };
    },
    { role: ROLES },
  )(input);
}

export async function supersedeDocumentAction(input: { documentId: string; byId: string }) {
  return scopedAction(
    async (data: typeof input, scope) => {
      await supersedeDocument({ scope, ...data });
      revalidatePath(`/documents/${data.documentId}`);
      return null;
    },
    { role: ROLES },
  )(input);
}
