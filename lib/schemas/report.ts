import { REPORT_FORMATS, REPORT_KINDS } from "@/lib/domain/reports/report-kinds";
import { listQuery } from "./list";
import { z } from "./z";

/**
 * How a region's reports name their issuer (the header of every PDF). Used by
 * the settings form's resolver and re-parsed on the server.
 */

/** Kept small: the logo is embedded in every report. */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const LOGO_MIME_TYPES = ["image/png", "image/jpeg"] as const;

export const MAX_DETAIL_LINES = 4;

export const ZReportSettings = z.object({
  regionId: z.uuid(),
  organizationName: z
    .string()
    .trim()
    .min(3, "Укажите наименование организации (не короче 3 символов).")
    .max(200, "Не длиннее 200 символов."),
  details: z
    .string()
    .trim()
    .max(400, "Не длиннее 400 символов.")
    .refine((text) => text.split(/\r?\n/).filter((line) => line.trim()).length <= MAX_DETAIL_LINES, {
      error: `Не больше ${MAX_DETAIL_LINES} строк.`,
    })
    .default(""),
  logoFileId: z.uuid().nullable().default(null),
});
export type TReportSettings = z.infer<typeof ZReportSettings>;

/** A report as a PDF (without one) or as its DOCX twin. */
const reportFormat = z.enum(REPORT_FORMATS, { error: "Формат отчёта: «pdf» или «docx»." }).default("pdf");

/** A background report asked for: its kind, its subject's id, its format. */
export const ZReportRequest = z.object({
  kind: z.enum(REPORT_KINDS, { error: "Выберите вид отчёта." }),
  id: z.uuid({ error: "Отчёт не найден." }),
  format: reportFormat,
});

/** A report downloaded on the spot: `?format=pdf|docx`. */
export const ZReportDownloadQuery = z.object({ format: reportFormat });
export type TReportRequest = z.infer<typeof ZReportRequest>;

/** The caller's report jobs, a page at a time (`?page=&pageSize=`). */
export const ZReportJobListQuery = listQuery(["createdAt"] as const).pick({ page: true, pageSize: true });
export type TReportJobListQuery = z.infer<typeof ZReportJobListQuery>;
