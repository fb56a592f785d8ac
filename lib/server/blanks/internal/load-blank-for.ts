import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { answerableItems, type TTemplateItem } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { getPublishedContent } from "@/lib/server/templates/get-published-content";

/** A blank the caller may act on (by the given filter), with its answerable items by key. */
export async function loadBlankFor(id: string, access: Prisma.BlankWhereInput) {
  const blank = await db().blank.findFirst({
    where: { AND: [{ id }, access] },
    include: { answers: true },
  });
  if (!blank) throw notFound("Бланк не найден.");
  const content = await getPublishedContent(blank.templateVersionId);
  const items = new Map<string, TTemplateItem>(answerableItems(content).map((item) => [item.key, item]));
  return { blank, content, items };
}
