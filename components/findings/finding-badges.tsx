import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/dates";
import { SEVERITY_LABELS, type Severity } from "@/lib/domain/scoring/statuses";
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from "@/lib/schemas/finding";

const REMEDIATION_TONES: Record<RemediationStatus, string> = {
  OPEN: "border-slate-500 text-slate-800",
  FIXED: "border-amber-600 text-amber-900",
  REOPENED: "border-red-700 text-red-800",
  VERIFIED: "border-green-700 text-green-800",
};

export function RemediationStatusBadge({ status }: { status: RemediationStatus }) {
  return <Badge className={cn("bg-background", REMEDIATION_TONES[status])}>{REMEDIATION_STATUS_LABELS[status]}</Badge>;
}

const SEVERITY_TONES: Record<Severity, string> = {
  HIGH: "border-red-700 text-red-800",
  MEDIUM: "border-amber-600 text-amber-900",
  LOW: "border-slate-500 text-slate-800",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge className={cn("bg-background", SEVERITY_TONES[severity])}>{SEVERITY_LABELS[severity]}</Badge>;
}

/** The deadline, marked when it has passed and the finding is still not fixed. */
export function FindingDeadline({ deadline, overdue }: { deadline: string; overdue: boolean }) {
  const text = formatDate(deadline);
  if (!overdue) return <time dateTime={deadline}>{text}</time>;
  return (
    <span className="font-semibold text-red-800">
      <time dateTime={deadline}>{text}</time> — просрочено
    </span>
  );
}
