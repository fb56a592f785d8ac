import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { BLANK_STATUS_LABELS, type BlankStatus } from "@/lib/schemas/blank";

const TONES: Record<BlankStatus, string> = {
  NOT_STARTED: "border-slate-400 text-slate-700",
  IN_PROGRESS: "border-blue-600 text-blue-800",
  SUBMITTED: "border-amber-600 text-amber-900",
  RETURNED: "border-red-700 text-red-800",
  ACCEPTED: "border-green-700 text-green-800",
};

export function BlankStatusBadge({ status }: { status: BlankStatus }) {
  return <Badge className={cn("bg-background", TONES[status])}>{BLANK_STATUS_LABELS[status]}</Badge>;
}
