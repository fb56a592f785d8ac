import "server-only";
import { documentDate } from "@/lib/dates";
import { blankFormDefinition } from "@/lib/domain/reports/pdf/blank-form";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { REPORT_FORMAT_LABELS, type ReportFormat } from "@/lib/domain/reports/report-kinds";
import type { Scope } from "@/lib/scope";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { getReportSettings } from "@/lib/server/reports/get-report-settings";
import { reportFileName } from "@/lib/server/reports/build-report";
import { renderDocx } from "@/lib/server/reports/render-docx";
import { renderPdf } from "@/lib/server/reports/render-pdf";
import { findTemplateVersion, type WhichTemplate } from "./find-template-version";

/** The template version to print: by its template and number (region staff), or the one a blank was issued on (whoever may read the blank). */
type WhichForm = (WhichTemplate & { version?: number }) | { blankId: string };

async function formSource(scope: Scope, which: WhichForm) {
  if ("blankId" in which) {
    const blank = await getBlank({ scope, id: which.blankId });
    return { regionId: blank.regionId, name: blank.template.name, version: blank.template.version, content: blank.content };
  }
  const found = await findTemplateVersion({ ...which, scope });
  return { regionId: found.template.regionId, name: found.template.name, version: found.version, content: found.content };
}

/**
 * The empty blank of a template version to print and fill by hand (PDF) or in
 * Word (its DOCX twin), headed by the region's report settings; its signature
 * block is left to fill. A foreign template or blank is "not found".
 */
export async function buildBlankForm(options: { scope: Scope; which: WhichForm; format: ReportFormat; today?: string }) {
  const source = await formSource(options.scope, options.which);
  const settings = await getReportSettings({ scope: options.scope, regionId: source.regionId, withLogoData: true });
  const definition = blankFormDefinition({
    issuer: { organizationName: settings.organizationName, details: settings.details, logoDataUrl: settings.logoDataUrl },
    date: options.today ?? documentDate(),
    signature: { date: null, number: null, executor: { position: null, name: null } },
    templateName: source.name,
    version: source.version,
    content: source.content,
  });
  return {
    bytes: options.format === "docx" ? await renderDocx(definition) : await renderPdf(definition),
    fileName: reportFileName(["Бланк", source.name, `версия ${source.version}`], options.format),
    mimeType: FILE_KINDS[REPORT_FORMAT_LABELS[options.format]].mime,
    version: source.version,
  };
}
