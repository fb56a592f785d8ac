import "server-only";
import type { Scope } from "@/lib/scope";
import type { TTemplateDocument } from "@/lib/schemas/template";
import type { TemplateFileFormat } from "@/lib/schemas/template-file";
import { TEMPLATE_MIME_TYPES, templateFileName, writeTemplateFile } from "@/lib/domain/templates/template-file";
import { findTemplateVersion, type WhichTemplate } from "./find-template-version";

/**
 * A template version as a file. Without a version number: the newest published
 * one; a draft is exported only when its number is asked for.
 */
export async function exportTemplate(options: WhichTemplate & { scope: Scope; version?: number; format: TemplateFileFormat }) {
  const { template, version, content } = await findTemplateVersion(options);
  const document: TTemplateDocument = {
    format: "metodaudit.template/v1",
    key: template.key,
    name: template.name,
    level: template.level,
    version,
    content,
  };
  return {
    fileName: templateFileName(template.key, version, options.format),
    mimeType: TEMPLATE_MIME_TYPES[options.format],
    bytes: await writeTemplateFile(document, options.format),
    version,
  };
}
