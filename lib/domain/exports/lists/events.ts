import { EVENT_STATUS_LABELS, PLAN_KIND_LABELS } from "@/lib/domain/plans/plan-labels";
import type { EventRow } from "@/lib/server/plans/list-events";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<EventRow>();

export const EVENTS_CAPTION = "Мероприятия планов";

/** «Просрочено» for a planned event past its due date, as the event's badge says it. */
export const eventStatusLabel = (e: Pick<EventRow, "status" | "overdue">) => EVENT_STATUS_LABELS[e.overdue ? "OVERDUE" : e.status];

/** The columns of /plans/events; on screen the plan's cell also names its owner and kind, the event's its description. */
export const EVENT_COLUMNS = {
  owner: c.text("Владелец", (e) => e.owner),
  plan: c.text("План", (e) => e.planTitle),
  kind: c.text("Вид плана", (e) => PLAN_KIND_LABELS[e.planKind]),
  part: c.text("Раздел", (e) => e.part),
  number: c.text(F.PlanEvent.number, (e) => e.number),
  title: c.text(F.PlanEvent.title, (e) => e.title),
  description: c.text(F.PlanEvent.description, (e) => e.description || null),
  timing: c.text(F.PlanEvent.timingText, (e) => e.timingText),
  dueDate: c.date(F.PlanEvent.endsOn, (e) => e.endsOn),
  responsible: c.text(F.PlanEvent.responsibleText, (e) => e.responsibleText || null),
  status: c.text(F.PlanEvent.status, eventStatusLabel),
  heldOn: c.date(F.PlanEvent.heldOn, (e) => e.heldOn),
};
