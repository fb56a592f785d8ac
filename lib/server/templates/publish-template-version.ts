import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { parseContent } from "./get-template-version";
import { templateWhere } from "./template-access";
import { TEMPLATE_EDITORS } from "@/lib/roles";

/** Publishing freezes a draft: from then on it can only be used, not changed. */
export async function publishTemplateVersion(options: { scope: Scope; versionId: string }) {
  const version = await db().templateVersion.findFirst({
    where: { id: options.versionId, template: templateWhere(options.scope, TEMPLATE_EDITORS) },
  });
  if (!version) throw notFound("Версия шаблона не найдена.");
  if (version.status === "PUBLISHED") throw new AppError("CONFLICT", "Эта версия уже опубликована.");
  parseContent(version.content);
  return db().templateVersion.update({
    where: { id: version.id },
    data: { status: "PUBLISHED", publishedAt: new Date() },
  });
}
