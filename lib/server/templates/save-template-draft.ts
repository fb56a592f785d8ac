import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TTemplateDraftSave } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { templateWhere } from "./template-access";
import { TEMPLATE_EDITORS } from "@/lib/roles";

/**
 * Saves a draft's content. Published versions never change; a stale revision is a
 * conflict, so two editors cannot silently overwrite each other.
 */
export async function saveTemplateDraft(options: { scope: Scope; input: TTemplateDraftSave }) {
  const { input } = options;
  const version = await db().templateVersion.findFirst({
    where: { id: input.versionId, template: templateWhere(options.scope, TEMPLATE_EDITORS) },
  });
  if (!version) throw notFound("Версия шаблона не найдена.");
  if (version.status !== "DRAFT") {
    throw new AppError("CONFLICT", "Опубликованная версия не меняется: создайте новую версию.");
  }
  return db().$transaction(async (tx) => {
    const updated = await tx.templateVersion.updateMany({
      where: { id: version.id, status: "DRAFT", revision: input.revision },
      data: { content: asJson(input.content), revision: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "Черновик изменён другим пользователем. Обновите страницу: ваши изменения не сохранены.");
    }
    await tx.template.update({ where: { id: version.templateId }, data: { name: input.name } });
    return tx.templateVersion.findUniqueOrThrow({ where: { id: version.id }, select: { id: true, revision: true } });
  });
}
