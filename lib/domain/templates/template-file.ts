import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import type { TTemplateDocument } from "@/lib/schemas/template";
import type { TemplateFileFormat } from "@/lib/schemas/template-file";
import { templateFromJson, templateToJson } from "./template-json";
import { templateFromXlsx, templateToXlsx } from "./template-xlsx";

export const TEMPLATE_MIME_TYPES: Record<TemplateFileFormat, string> = {
  json: "application/json; charset=utf-8",
  xlsx: FILE_KINDS.XLSX.mime,
};

/** "mcdo-school-coordinator-v1.xlsx": template keys are ASCII already (see ZTemplateDocument). */
export function templateFileName(key: string, version: number, format: TemplateFileFormat): string {
  return `${key}-v${version}.${format}`;
}

export function writeTemplateFile(doc: TTemplateDocument, format: TemplateFileFormat): Promise<Buffer> {
  return format === "xlsx" ? templateToXlsx(doc) : Promise.resolve(templateToJson(doc));
}

/** The format is judged by the content, never the name: an XLSX workbook is a ZIP archive, which starts with "PK". */
export async function readTemplateFile(bytes: Buffer): Promise<TTemplateDocument> {
  return bytes.subarray(0, 2).toString("latin1") === "PK" ? templateFromXlsx(bytes) : templateFromJson(bytes);
}
