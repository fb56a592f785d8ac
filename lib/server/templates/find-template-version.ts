import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { parseContent } from "./get-template-version";
import { templateWhere } from "./template-access";

/** The template by its id (the API), or by its key in a region (the CLI). */
export type WhichTemplate = { templateId: string } | { key: string; regionId: string };

/**
 * A template's version by its number, as the caller may read it. Without a
 * number: the newest published one; a draft is found only when its number is asked for.
 */
export async function findTemplateVersion(options: WhichTemplate & { scope: Scope; version?: number }) {
  const which = "templateId" in options ? { id: options.templateId } : { regionId: options.regionId, key: options.key };
  const template = await db().template.findFirst({
    where: { AND: [which, templateWhere(options.scope)] },
    include: {
      versions: {
        where: options.version === undefined ? { status: "PUBLISHED" } : { version: options.version },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
  });
  if (!template) throw new AppError("NOT_FOUND", "Шаблон не найден.");
  const version = template.versions[0];
  if (!version) {
    throw new AppError(
      "NOT_FOUND",
      options.version === undefined ? "У шаблона нет опубликованной версии." : `Версии ${options.version} у шаблона нет.`,
    );
  }
  return {
    template: { id: template.id, key: template.key, name: template.name, level: template.level, regionId: template.regionId },
    version: version.version,
    content: parseContent(version.content),
  };
}
