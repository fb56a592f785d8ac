import "server-only";
import { writeRoadmapFile } from "@/lib/plans/roadmap-file";
import { roadmapTitle } from "@/lib/plans/roadmap-table";
import type { Scope } from "@/lib/scope";
import { getPlan } from "./get-plan";

/**
 * The roadmap execution report of a plan in seed 002's columns (XLSX or CSV):
 * what re-imports to the same events. Documents are written as the row had them;
 * events entered in the app list their linked documents instead.
 */
export async function exportRoadmap(options: { scope: Scope; planId: string; format: "xlsx" | "csv" }) {
  const plan = await getPlan({ scope: options.scope, planId: options.planId });
  const records = plan.events.map((e) => ({
    regionCode: plan.regionCode,
    municipality: plan.municipalityName ?? plan.regionName,
    title: e.title,
    description: e.description,
    timing: e.timingText,
    responsible: e.responsibleText,
    audience: e.audience,
    documents: e.evidenceText || e.documents.map((d) => d.label).join(" "),
  }));
  const bytes = await writeRoadmapFile({ title: roadmapTitle(plan.schoolYear), records }, options.format);
  const year = plan.schoolYear ? `_${plan.schoolYear.replace("/", "-")}` : "";
  return { bytes, fileName: `Дорожная_карта_${plan.owner.replace(/[^\p{L}\d]+/gu, "_")}${year}.${options.format}` };
}
