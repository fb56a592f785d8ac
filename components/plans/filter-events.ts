import type { z } from "zod";
import type { ZPlanEventListQuery } from "@/lib/schemas/plan";
import type { PlanEventView } from "@/lib/server/plans/get-plan";

export type EventFilter = z.infer<typeof ZPlanEventListQuery>;

const normalise = (text: string) => text.toLowerCase().replaceAll("ё", "е");

/**
 * The events a plan page shows for ?status=&q=. «Запланировано» is what the badge
 * says it is: planned and not overdue; «Просрочено» the overdue ones. Pure.
 */
export function filterEvents(events: PlanEventView[], filter: EventFilter): PlanEventView[] {
  const q = normalise(filter.q);
  return events.filter((e) => {
    if (filter.status === "OVERDUE" && !e.overdue) return false;
    if (filter.status === "PLANNED" && (e.status !== "PLANNED" || e.overdue)) return false;
    if ((filter.status === "DONE" || filter.status === "CANCELLED") && e.status !== filter.status) return false;
    if (!q) return true;
    return [
      e.number ?? "",
      e.title,
      e.description,
      e.timingText,
      e.responsibleText,
      e.responsibleUserName ?? "",
      e.audience,
      e.expectedResult,
    ].some((text) => normalise(text).includes(q));
  });
}
