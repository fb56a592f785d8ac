import type { Remark } from "@/lib/domain/blanks/remarks";
import { AUDIT_MARK_LABELS } from "@/lib/schemas/blank";

/** How a remarked item's frame stands out among the others. */
export const REMARKED_FRAME = "border-amber-600 ring-1 ring-amber-600";

/** The auditor's mark and comment, in place at the item they concern. */
export function ItemRemark({ remark }: { remark: Remark }) {
  return (
    <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        <span className="font-medium">Замечание аудитора: </span>
        {AUDIT_MARK_LABELS[remark.mark]}
      </p>
      {remark.comment && <p className="whitespace-pre-line">{remark.comment}</p>}
    </div>
  );
}

/** A problem found on submit or acceptance, at the item it concerns. */
export function ItemProblem({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {message}
    </p>
  );
}
