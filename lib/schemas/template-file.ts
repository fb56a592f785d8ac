import { REPORT_FORMATS } from "@/lib/domain/reports/report-kinds";
import { z } from "./z";

/** The two file formats a template travels in: JSON for machines, XLSX for auditors. */
export const TEMPLATE_FILE_FORMATS = ["json", "xlsx"] as const;
export type TemplateFileFormat = (typeof TEMPLATE_FILE_FORMATS)[number];

/** What to export: a version number (the newest published when absent) and a format. Shared by the API and the CLI. */
export const ZTemplateExportQuery = z.object({
  version: z.coerce
    .number({ error: "Версия — целое положительное число." })
    .int("Версия — целое положительное число.")
    .positive("Версия — целое положительное число.")
    .optional(),
  format: z.enum(TEMPLATE_FILE_FORMATS, { error: "Формат: «json» или «xlsx»." }),
});

/** The empty blank of a version to print (PDF) or fill in Word (DOCX): the version as for an export, PDF by default. */
export const ZBlankFormQuery = z.object({
  version: ZTemplateExportQuery.shape.version,
  format: z.enum(REPORT_FORMATS, { error: "Формат: «pdf» или «docx»." }).default("pdf"),
});
