import "server-only";
import { roadmapTitle, type RoadmapFields } from "@/lib/domain/plans/roadmap-table";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import type { RoadmapReportData } from "@/lib/domain/reports/pdf/roadmap-report";
import type { Scope } from "@/lib/scope";
import { getPlan, type PlanView } from "@/lib/server/plans/get-plan";

/**
 * A plan's events in seed 002's columns, the fields export-roadmap.ts writes:
 * documents as the row had them, or, for events entered in the app, their linked documents.
 */
export function roadmapRecordsOf(plan: PlanView): RoadmapFields[] {
  return plan.events.map((e) => ({
    regionCode: plan.regionCode,
    municipality: plan.municipalityName ?? plan.regionName,
    title: e.title,
    description: e.description,
    timing: e.timingText,
    responsible: e.responsibleText,
    audience: e.audience,
    documents: e.evidenceText || e.documents.map((d) => d.label).join(" "),
  }));
}

/**
 * The execution report of a plan, for whoever may read it (a foreign id is "not
 * found", as getPlan has it). A roadmap takes seed 002's title; another plan its own.
 */
export async function loadRoadmapReport(options: { scope: Scope; planId: string; today: string }) {
  const plan = await getPlan({ scope: options.scope, planId: options.planId, today: options.today });
  const title = plan.kind === "ROADMAP" ? roadmapTitle(plan.schoolYear) : `Отчет о выполнении мероприятий: ${plan.title}`;
  const data: Omit<RoadmapReportData, keyof ReportBase> = { title, owner: plan.owner, records: roadmapRecordsOf(plan) };
  return { regionId: plan.regionId, kind: plan.kind, owner: plan.owner, schoolYear: plan.schoolYear, data };
}
