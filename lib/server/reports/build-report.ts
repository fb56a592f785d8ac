import "server-only";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { documentDate } from "@/lib/dates";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { displayFileName } from "@/lib/domain/files/file-names";
import { auditReportDefinition, auditReportTitle } from "@/lib/domain/reports/pdf/audit-report";
import { BLANK_FILLED_TITLE, blankFilledDefinition } from "@/lib/domain/reports/pdf/blank-filled";
import { CAMPAIGN_REPORT_TITLE, campaignReportDefinition } from "@/lib/domain/reports/pdf/campaign-report";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import { RECORDS_REPORT_TITLE, recordsReportDefinition } from "@/lib/domain/reports/pdf/records-report";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { getReportSettings } from "./get-report-settings";
import { loadAuditReport } from "./load-audit-report";
import { loadBlankReport } from "./load-blank-report";
import { loadCampaignReport } from "./load-campaign-report";
import { loadRecordsReport } from "./load-records-report";
import { loadRoadmapReport } from "./load-roadmap-report";
import { renderDocx } from "./render-docx";
import { countPdfPages, renderPdf } from "./render-pdf";
import { REPORT_FORMAT_LABELS, type ReportFormat, type ReportKind } from "@/lib/domain/reports/report-kinds";

export type ReportProgress = (p: { fraction: number; stage: string }) => void | Promise<void>;

export interface BuiltReport {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  title: string;
  regionId: string;
  /** A PDF's pages; a DOCX has as many as the program showing it lays out. */
  pages: number | null;
}

/** A report's data loaded: its region, names, and how to lay it out once the issuer and signature are known. */
interface Loaded {
  regionId: string;
  title: string;
  /** The file name's parts, without the extension: «Аудит», the subject, a date. */
  nameParts: string[];
  layout: (base: ReportBase) => TDocumentDefinitions;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Characters no file system or download dialog takes kindly to (a slash would even make a folder). */
const UNSAFE = /[/\\:*?"<>|\p{Cc}]+/gu;

/** «Аудит — Славянский район — 2022-12-06.pdf» (or .docx): readable, safe, at most the allowed length. */
export function reportFileName(parts: string[], format: ReportFormat): string {
  const stem = parts
    .map((p) => p.replace(UNSAFE, "-").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(" — ");
  return displayFileName(`${stem}.${format}`);
}

type Loader = (options: { scope: Scope; id: string; today: string; progress: ReportProgress }) => Promise<Loaded>;

const LOADERS: Record<ReportKind, Loader> = {
  audit: async ({ scope, id }) => {
    const { regionId, participant, campaignDate, data } = await loadAuditReport({ scope, blankId: id });
    return {
      regionId,
      title: `${auditReportTitle(data.templateName)} — ${participant}`,
      nameParts: ["Аудит", participant, campaignDate],
      layout: (base) => auditReportDefinition({ ...base, ...data }),
    };
  },
  campaign: async ({ scope, id, today }) => {
    const { regionId, campaignName, campaignDate, data } = await loadCampaignReport({ scope, campaignId: id, today });
    return {
      regionId,
      title: `${CAMPAIGN_REPORT_TITLE}: ${campaignName}`,
      nameParts: ["Итоги аудита", campaignName, campaignDate],
      layout: (base) => campaignReportDefinition({ ...base, ...data }),
    };
  },
  roadmap: async ({ scope, id, today }) => {
    const { regionId, kind, owner, schoolYear, title, layout } = await loadRoadmapReport({ scope, planId: id, today });
    return { regionId, title, nameParts: [kind === "ROADMAP" ? "Дорожная карта" : "План", owner, schoolYear ?? today], layout };
  },
  records: async ({ scope, id, today, progress }) => {
    const { regionId, areaName, schoolYear, data } = await loadRecordsReport({
      scope,
      id,
      today,
      onPart: (done, total) => progress({ fraction: 0.1 + (0.6 * done) / total, stage: `Подсчёт: ${done} из ${total}` }),
    });
    return {
      regionId,
      title: `${RECORDS_REPORT_TITLE} — ${areaName}, ${schoolYear}`,
      nameParts: ["Учёт ДОТ", areaName, schoolYear],
      layout: (base) => recordsReportDefinition({ ...base, ...data }),
    };
  },
  blank: async ({ scope, id }) => {
    const { regionId, participant, campaignDate, data } = await loadBlankReport({ scope, blankId: id });
    return {
      regionId,
      title: `${BLANK_FILLED_TITLE}: ${participant}`,
      nameParts: ["Бланк", participant, campaignDate],
      layout: (base) => blankFilledDefinition({ ...base, ...data }),
    };
  },
};

/**
 * Makes one report, a PDF or its DOCX twin, as the caller may see it: the loaders apply the caller's
 * scope (a foreign or unknown id is "not found"), the region's report settings
 * head every page, the document ends with the signature block (date, number,
 * executor: the caller when they are a user). Called by the download route, the
 * CLI and the background jobs; `onProgress` follows the stages.
 */
export async function buildReport(options: {
  scope: Scope;
  kind: ReportKind;
  id: string;
  /** PDF by default. */
  format?: ReportFormat;
  /** "YYYY-MM-DD": the report's date; today by default. */
  today?: string;
  onProgress?: ReportProgress;
}): Promise<BuiltReport> {
  const format = options.format ?? "pdf";
  const today = options.today ?? documentDate();
  const progress: ReportProgress = (p) => options.onProgress?.(p);
  await progress({ fraction: 0, stage: "Загрузка данных" });
  const loaded = await LOADERS[options.kind]({ scope: options.scope, id: options.id, today, progress });
  await progress({ fraction: 0.7, stage: "Оформление" });
  const [settings, executor] = await Promise.all([
    getReportSettings({ scope: options.scope, regionId: loaded.regionId, withLogoData: true }),
    // The CLI acts as nobody in particular: its executor is left to be filled in by hand.
    UUID.test(options.scope.userId) ? db().user.findUnique({ where: { id: options.scope.userId }, select: { name: true } }) : null,
  ]);
  const definition = loaded.layout({
    issuer: { organizationName: settings.organizationName, details: settings.details, logoDataUrl: settings.logoDataUrl },
    date: today,
    signature: { date: today, number: null, executor: { position: null, name: executor?.name ?? null } },
  });
  await progress({ fraction: 0.8, stage: `Формирование ${REPORT_FORMAT_LABELS[format]}` });
  const bytes = format === "docx" ? await renderDocx(definition) : await renderPdf(definition);
  await progress({ fraction: 1, stage: "Готово" });
  return {
    bytes,
    fileName: reportFileName(loaded.nameParts, format),
    mimeType: FILE_KINDS[REPORT_FORMAT_LABELS[format]].mime,
    title: loaded.title,
    regionId: loaded.regionId,
    pages: format === "pdf" ? countPdfPages(bytes) : null,
  };
}
