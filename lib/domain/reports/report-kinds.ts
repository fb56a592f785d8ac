/**
 * The reports the product makes, each about one subject: a blank (audit, or the
 * filled blank itself), a campaign, a plan (roadmap), or a school, municipality or region (records).
 * Plain constants, safe to import anywhere (the jobs list shows the labels).
 */
export const REPORT_KINDS = ["audit", "campaign", "roadmap", "records", "blank"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  audit: "Результаты аудита участника",
  campaign: "Отчёт по кампании аудита",
  roadmap: "Отчёт о выполнении дорожной карты",
  records: "Учёт ДОТ: численность",
  blank: "Бланк соответствия участника",
};

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/** Every report comes as a PDF and as its Word twin with the same content (lib/domain/reports/docx). */
export const REPORT_FORMATS = ["pdf", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = { pdf: "PDF", docx: "DOCX" };

export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
