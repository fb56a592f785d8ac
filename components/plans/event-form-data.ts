import "server-only";
import { forbidden } from "next/navigation";
import { roman } from "@/lib/domain/plans/plan-labels";
import type { Scope } from "@/lib/scope";
import type { PlanEventView, PlanView } from "@/lib/server/plans/get-plan";
import { listPlanDocumentOptions } from "@/lib/server/plans/list-plan-document-options";
import { listPlanPeopleOptions } from "@/lib/server/plans/list-plan-people-options";
import type { EventFormOptions, EventFormValues } from "./event-form";

/**
 * What the event form of a plan needs: the plan's stages and sections, people
 * and registry documents to choose from. Read-only callers get the 403 page.
 * An event's current choices stay offered even when outside the lists.
 */
export async function loadEventFormOptions(scope: Scope, plan: PlanView, event?: PlanEventView): Promise<EventFormOptions> {
  if (!plan.canWrite) forbidden();
  const [people, documents] = await Promise.all([
    listPlanPeopleOptions({ scope, planId: plan.id }),
    listPlanDocumentOptions({ scope, planId: plan.id }),
  ]);
  const keep = (options: Array<{ value: string; label: string }>, extra: Array<{ value: string; label: string }>) => [
    ...extra.filter((x) => !options.some((o) => o.value === x.value)),
    ...options,
  ];
  return {
    stages: plan.stages.map((s) => ({ value: s.id, label: `${roman(s.number)} этап — ${s.title}` })),
    sections: plan.sections.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` })),
    people: keep(
      people,
      event?.responsibleUserId
        ? [{ value: event.responsibleUserId, label: event.responsibleUserName ?? "Ответственный пользователь" }]
        : [],
    ),
    documents: keep(
      documents,
      (event?.documents ?? []).flatMap((d) => (d.documentId ? [{ value: d.documentId, label: d.label }] : [])),
    ),
  };
}

/** The form's values for a new event, or the event's own. */
export function eventFormDefaults(event?: PlanEventView): EventFormValues {
  return {
    number: event?.number ?? "",
    title: event?.title ?? "",
    description: event?.description ?? "",
    timingText: event?.timingText ?? "",
    stageId: event?.stageId ?? "",
    sectionId: event?.sectionId ?? "",
    responsibleText: event?.responsibleText ?? "",
    responsibleUserId: event?.responsibleUserId ?? "",
    audience: event?.audience ?? "",
    expectedResult: event?.expectedResult ?? "",
    evidenceText: event?.evidenceText ?? "",
    documentIds: [...new Set((event?.documents ?? []).flatMap((d) => (d.documentId ? [d.documentId] : [])))],
    links: (event?.documents ?? []).flatMap((d) => (!d.documentId && d.url ? [d.url] : [])),
    updatedAt: event?.updatedAt ?? null,
  };
}
