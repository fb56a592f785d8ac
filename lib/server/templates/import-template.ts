import "server-only";
import { AppError } from "@/lib/errors";
import { fileTooLarge } from "@/lib/domain/files/detect-file-type";
import { displayFileName } from "@/lib/domain/files/file-names";
import { sameJson } from "@/lib/json-equal";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { TEMPLATE_LEVEL_LABELS, type TTemplateDocument } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { readTemplateFile } from "@/lib/domain/templates/template-file";
import { parseContent } from "./get-template-version";
import { TEMPLATE_EDITORS } from "@/lib/roles";

export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Imports a template file (JSON or XLSX, told apart by content) into a region.
 * A new key starts the template at version 1; content equal to the newest
 * published version changes nothing, so importing a file twice is harmless;
 * other content becomes the next version, published at once.
 */
export async function importTemplate(options: { scope: Scope; regionId?: string; fileName: string; bytes: Buffer }) {
  const regionId = editorRegion(options.scope, options.regionId);
  const document = await readFile(displayFileName(options.fileName), options.bytes);
  return db().$transaction(async (tx) => {
    const template = await tx.template.findUnique({
      where: { regionId_key: { regionId, key: document.key } },
      include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true } } },
    });
    if (!template) {
      const created = await tx.template.create({
        data: {
          regionId,
          key: document.key,
          name: document.name,
          level: document.level,
          versions: { create: { version: 1, ...publishedNow(document) } },
        },
        include: { versions: true },
      });
      return { templateId: created.id, versionId: created.versions[0]!.id, version: 1, created: true };
    }
    if (template.level !== document.level) {
      const message = `Уровень в файле («${TEMPLATE_LEVEL_LABELS[document.level]}») не совпадает с уровнем шаблона «${template.name}» («${TEMPLATE_LEVEL_LABELS[template.level]}»).`;
      throw new AppError("VALIDATION", message, { level: [message] });
    }
    // The name belongs to the template, not a version: the file's name is the one wanted now.
    if (template.name !== document.name) await tx.template.update({ where: { id: template.id }, data: { name: document.name } });

    const published = await tx.templateVersion.findFirst({
      where: { templateId: template.id, status: "PUBLISHED" },
      orderBy: { version: "desc" },
    });
    if (published && sameJson(parseContent(published.content), document.content)) {
      return { templateId: template.id, versionId: published.id, version: published.version, created: false };
    }
    const draft = template.versions.find((v) => v.status === "DRAFT");
    if (draft) {
      throw new AppError(
        "CONFLICT",
        `У шаблона «${template.name}» есть черновик версии ${draft.version}: опубликуйте его, затем повторите импорт.`,
      );
    }
    const version = (template.versions[0]?.version ?? 0) + 1;
    const created = await tx.templateVersion.create({ data: { templateId: template.id, version, ...publishedNow(document) } });
    return { templateId: template.id, versionId: created.id, version, created: true };
  });
}

/** The region to import into: the one given, or the caller's only region as an administrator. */
function editorRegion(scope: Scope, wanted: string | undefined): string {
  const regions = staffRegionIds(scope, TEMPLATE_EDITORS);
  if (wanted === undefined && regions.length > 1) {
    throw new AppError("VALIDATION", "Укажите регион: вы администратор нескольких регионов.", { regionId: ["Выберите регион."] });
  }
  const regionId = wanted ?? regions[0];
  if (!regionId || !regions.includes(regionId)) throw new AppError("NOT_FOUND", "Регион не найден.");
  return regionId;
}

/** Every refusal names the file, so that a person importing several knows which one. */
async function readFile(name: string, bytes: Buffer): Promise<TTemplateDocument> {
  try {
    if (bytes.length > MAX_TEMPLATE_FILE_BYTES) {
      throw new AppError("VALIDATION", fileTooLarge(MAX_TEMPLATE_FILE_BYTES));
    }
    return await readTemplateFile(bytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, `«${name}»: ${error.message}`, { file: [error.message], ...error.fieldErrors });
  }
}

function publishedNow(document: TTemplateDocument) {
  return { status: "PUBLISHED" as const, publishedAt: new Date(), content: asJson(document.content) };
}
