import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { LruMap } from "@/lib/lru-map";
import type { TTemplateContent } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { parseContent } from "./get-template-version";

/** Enough for every published version of every region's templates several times over. */
const published = new LruMap<string, TTemplateContent>(500);

/**
 * The parsed content of a template version that blanks are filled on. A published version never
 * changes (an edit makes the next draft), so each server process keeps it once, by id, instead
 * of reading and parsing the whole template on every blank view and every autosave; a draft is
 * read afresh every time. No tenant check here: the caller has already read the blank (or
 * campaign) that names the version through its own scoped query. Inside a transaction, pass it:
 * a version created in that transaction is visible only there.
 */
export async function getPublishedContent(versionId: string, client: Prisma.TransactionClient = db()): Promise<TTemplateContent> {
  const cached = published.get(versionId);
  if (cached) return cached;
  const version = await client.templateVersion.findUnique({ where: { id: versionId }, select: { status: true, content: true } });
  if (!version) throw notFound("Версия шаблона не найдена.");
  const content = parseContent(version.content);
  if (version.status === "PUBLISHED") published.set(versionId, content);
  return content;
}
