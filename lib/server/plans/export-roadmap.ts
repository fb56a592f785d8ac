import "server-only";
import { writeRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { roadmapTitle } from "@/lib/domain/plans/roadmap-table";
import type { Scope } from "@/lib/scope";
import { roadmapRecordsOf } from "@/lib/server/reports/load-roadmap-report";
import { getPlan } from "./get-plan";

/**
 * The roadmap execution report of a plan in seed 002's columns (XLSX or CSV):
 * what re-imports to the same events. Documents are written as the row had them;
 * events entered in the app list their linked documents instead.
 */
export async function exportRoadmap(options: { scope: Scope; planId: string; format: "xlsx" | "csv" }) {
  const plan = await getPlan({ scope: options.scope, planId: options.planId });
  const bytes = await writeRoadmapFile({ title: roadmapTitle(plan.schoolYear), records: roadmapRecordsOf(plan) }, options.format);
  const year = plan.schoolYear ? `_${plan.schoolYear.replace("/", "-")}` : "";
  return { bytes, fileName: `Дорожная_карта_${plan.owner.replace(/[^\p{L}\d]+/gu, "_")}${year}.${options.format}` };
}
