"use server";

import { revalidatePath } from "next/cache";
import { ALL_ROLES } from "@/lib/roles";
import { ZDocumentCreate, ZDocumentSupersede } from "@/lib/schemas/document";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { createDocument } from "@/lib/server/documents/create-document";
import { supersedeDocument } from "@/lib/server/documents/supersede-document";

export const createDocumentAction = scopedAction(ZDocumentCreate, { role: ALL_ROLES }, async (input, scope) => {
  const doc = await createDocument({ scope, input });
  revalidatePath("/documents");
  return { id: doc.id };
});

export const supersedeDocumentAction = scopedAction(ZDocumentSupersede, { role: ALL_ROLES }, async (input, scope) => {
  await supersedeDocument({ scope, ...input });
  revalidatePath(`/documents/${input.documentId}`);
  return null;
});
