import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { ZTemplateContent, type TTemplateContent } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { templateWhere } from "./template-access";

/** A template version with its parsed content; a foreign id is "not found". */
export async function getTemplateVersion(options: { scope: Scope; id: string }) {
  const version = await db().templateVersion.findFirst({
    where: { id: options.id, template: templateWhere(options.scope) },
    include: { template: { select: { id: true, key: true, name: true, level: true, regionId: true } } },
  });
  if (!version) throw notFound("Версия шаблона не найдена.");
  return { ...version, content: parseContent(version.content) };
}

/** Stored content was validated on the way in; parsing again fills defaults of older versions. */
export function parseContent(json: unknown): TTemplateContent {
  return ZTemplateContent.parse(json);
}
