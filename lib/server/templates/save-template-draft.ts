import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { ZTemplateContent } from "@/lib/schemas/template";
import { z } from "@/lib/schemas/z";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { EDITOR_ROLES, templateWhere } from "./template-access";

export const ZTemplateDraftSave = z.object({
  versionId: z.uuid(),
  /** The revision the editor started from. */
  revision: z.number().int().min(0),
  name: z.string().trim().min(1, "Укажите название шаблона.").max(300),
  content: ZTemplateContent,
});

/**
 * Saves a draft's content. Published versions never change; a stale revision is a
 * conflict, so two editors cannot silently overwrite each other.
 */
export async function saveTemplateDraft(options: { scope: Scope; input: unknown }) {
  const input = ZTemplateDraftSave.parse(options.input);
  const version = await db().templateVersion.findFirst({
    where: { id: input.versionId, template: templateWhere(options.scope, EDITOR_ROLES) },
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
