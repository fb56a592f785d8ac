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

/** «PDF», «DOCX»: as the buttons and the jobs list name them, and the kind of stored file each is (FILE_KINDS). */
export const REPORT_FORMAT_LABELS = { pdf: "PDF", docx: "DOCX" } as const satisfies Record<ReportFormat, string>;

/** Where a report is downloaded, made on the spot (app/api/reports/[kind]/[id]). */
export function reportUrl(kind: ReportKind, id: string, format: ReportFormat): string {
  return `/api/reports/${kind}/${id}${format === "pdf" ? "" : `?format=${format}`}`;
}
