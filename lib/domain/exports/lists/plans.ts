import { PLAN_KIND_LABELS } from "@/lib/domain/plans/plan-labels";
import { formatPlanPeriod } from "@/lib/domain/plans/plan-period";
import type { PlanRow } from "@/lib/server/plans/list-plans";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<PlanRow>();

export const PLANS_CAPTION = "Планы и дорожные карты";

export const PLAN_COLUMNS = {
  title: c.text(F.Plan.title, (p) => p.title),
  kind: c.text(F.Plan.kind, (p) => PLAN_KIND_LABELS[p.kind]),
  owner: c.text("Владелец", (p) => p.owner),
  startsOn: c.text("Период", formatPlanPeriod),
  events: c.number("Мероприятий", (p) => p.events),
  done: c.number("Проведено", (p) => p.done),
  overdue: c.number("Просрочено", (p) => p.overdue),
};
