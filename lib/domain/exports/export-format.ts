import { z } from "@/lib/schemas/z";

/** The file formats a list is exported in. Pure. */
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `?format=`: XLSX when not given; anything else is refused. */
export const ZExportFormat = z.enum(EXPORT_FORMATS, { error: "Выберите формат: «xlsx» или «csv»." }).default("xlsx");

/** «Реестр документов 2025-03-01.xlsx»: the list's name and the day it was taken. */
export function exportFileName(title: string, format: ExportFormat, day: string): string {
  return `${title.replace(/[/\\]/gu, "-")} ${day}.${format}`;
}
