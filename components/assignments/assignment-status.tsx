import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/dates";

/** «действует», «с 01.09.2027» (not yet) or «завершено». */
export function AssignmentStatus(props: { current: boolean; validFrom: string; today: string }) {
  if (props.current) return <Badge className="border-green-700 bg-background text-green-800">действует</Badge>;
  if (props.validFrom > props.today) {
    return <Badge className="border-amber-600 bg-background text-amber-900">с {formatDate(props.validFrom)}</Badge>;
  }
  return <Badge className={cn("border-slate-500 bg-background text-slate-800")}>завершено</Badge>;
}
