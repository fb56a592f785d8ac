import "server-only";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { sectionHeading, stageHeading } from "@/lib/domain/plans/plan-labels";
import { roadmapTitle, type RoadmapFields } from "@/lib/domain/plans/roadmap-table";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import { planReportDefinition, type PlanReportEvent } from "@/lib/domain/reports/pdf/plan-report";
import { roadmapReportDefinition } from "@/lib/domain/reports/pdf/roadmap-report";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
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

/** Each event with the heading of the section (seed 004) or stage (seed 001) it falls under. */
function planEventsOf(plan: PlanView): PlanReportEvent[] {
  const groups = new Map<string, string>([
    ...plan.sections.map((s): [string, string] => [s.id, sectionHeading(s)]),
    ...plan.stages.map((s): [string, string] => [s.id, stageHeading(s)]),
  ]);
  return plan.events.map((e) => ({
    number: e.number,
    title: e.title,
    expectedResult: e.expectedResult,
    timingText: e.timingText,
    responsible: e.responsibleText,
    group: groups.get(e.sectionId ?? e.stageId ?? "") ?? null,
    status: e.status,
    overdue: e.overdue,
    heldOn: e.heldOn,
  }));
}

/**
 * A plan's report, for whoever may read it (a foreign id is "not found", as
 * getPlan has it): a roadmap in seed 002's execution report; a methodical work
 * plan in seed 004's layout and a programme in seed 001's, with their target indicators.
 */
export async function loadRoadmapReport(options: { scope: Scope; planId: string; today: string }) {
  const plan = await getPlan({ scope: options.scope, planId: options.planId, today: options.today });
  const found = { regionId: plan.regionId, kind: plan.kind, owner: plan.owner, schoolYear: plan.schoolYear };
  if (plan.kind === "ROADMAP") {
    const title = roadmapTitle(plan.schoolYear);
    const records = roadmapRecordsOf(plan);
    const layout = (base: ReportBase): TDocumentDefinitions => roadmapReportDefinition({ ...base, title, owner: plan.owner, records });
    return { ...found, title, layout };
  }
  const indicators = await db().targetIndicator.findMany({
    where: { planId: plan.id },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { number: true, title: true, targetText: true, method: true, monitoring: true },
  });
  const data = {
    kind: plan.kind,
    title: plan.title,
    owner: plan.owner,
    approvedBy: plan.approvedBy?.label ?? null,
    period: { startsOn: plan.startsOn, endsOn: plan.endsOn },
    events: planEventsOf(plan),
    indicators,
  };
  return { ...found, title: plan.title, layout: (base: ReportBase): TDocumentDefinitions => planReportDefinition({ ...base, ...data }) };
}
