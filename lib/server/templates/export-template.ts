import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TTemplateDocument } from "@/lib/schemas/template";
import type { TemplateFileFormat } from "@/lib/schemas/template-file";
import { db } from "@/lib/server/db/client";
import { TEMPLATE_MIME_TYPES, templateFileName, writeTemplateFile } from "@/lib/domain/templates/template-file";
import { parseContent } from "./get-template-version";
import { templateWhere } from "./template-access";

/** The template by its id (the API), or by its key in a region (the CLI). */
type Which = { templateId: string } | { key: string; regionId: string };

/**
 * A template version as a file. Without a version number: the newest published
 * one; a draft is exported only when its number is asked for.
 */
export async function exportTemplate(options: Which & { scope: Scope; version?: number; format: TemplateFileFormat }) {
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
  const document: TTemplateDocument = {
    format: "metodaudit.template/v1",
    key: template.key,
    name: template.name,
    level: template.level,
    version: version.version,
    content: parseContent(version.content),
  };
  return {
    fileName: templateFileName(template.key, version.version, options.format),
    mimeType: TEMPLATE_MIME_TYPES[options.format],
    bytes: await writeTemplateFile(document, options.format),
    version: version.version,
  };
}
