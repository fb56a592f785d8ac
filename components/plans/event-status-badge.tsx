import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/dates";
import type { PlanEventStatus } from "@/lib/generated/prisma/enums";
import { EVENT_STATUS_LABELS } from "@/lib/domain/plans/plan-labels";

const TONES: Record<PlanEventStatus | "OVERDUE", string> = {
  PLANNED: "border-slate-500 text-slate-800",
  DONE: "border-green-700 text-green-800",
  CANCELLED: "border-slate-400 text-slate-700 line-through decoration-slate-500",
  OVERDUE: "border-red-700 text-red-800",
};

/** «Запланировано», «Проведено 02.12.2020», «Отменено» or «Просрочено»: the status in words, the colour only repeats it. */
export function EventStatusBadge(props: { status: PlanEventStatus; heldOn: string | null; overdue: boolean }) {
  const key = props.status === "PLANNED" && props.overdue ? "OVERDUE" : props.status;
  const held = props.status === "DONE" && props.heldOn ? ` ${formatDate(props.heldOn)}` : "";
  return (
    <Badge className={cn("bg-background", TONES[key])}>
      {EVENT_STATUS_LABELS[key]}
      {held}
    </Badge>
  );
}
