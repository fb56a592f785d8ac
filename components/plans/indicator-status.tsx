import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TargetEvaluation, TargetStatus } from "@/lib/domain/plans/target-rules";

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  ACHIEVED: "Достигнуто",
  NOT_ACHIEVED: "Не достигнуто",
  NO_DATA: "Нет данных",
  NOT_DUE: "Срок не наступил",
};

const TONES: Record<TargetStatus, string> = {
  ACHIEVED: "border-green-700 text-green-800",
  NOT_ACHIEVED: "border-red-700 text-red-800",
  NO_DATA: "border-slate-500 text-slate-800",
  NOT_DUE: "border-amber-600 text-amber-900",
};

/** A period's verdict in words (never colour alone) with why: «Не достигнуто — 8 % при цели не менее 10 %». */
export function IndicatorStatus({ period, evaluation }: { period?: string; evaluation: TargetEvaluation }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 gap-y-1">
      {period && <span className="font-medium tabular-nums">{period}:</span>}
      <Badge className={cn("bg-background", TONES[evaluation.status])}>{TARGET_STATUS_LABELS[evaluation.status]}</Badge>
      <span className="text-muted-foreground">— {evaluation.explanation}</span>
    </span>
  );
}
