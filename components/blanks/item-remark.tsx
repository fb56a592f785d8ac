import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Remark } from "@/lib/domain/blanks/remarks";
import { AUDIT_MARK_LABELS } from "@/lib/schemas/blank";
import { itemAnchor } from "./item-focus";

/** How a remarked item's frame stands out among the others. */
const REMARKED_FRAME = "border-amber-600 ring-1 ring-amber-600";

/**
 * One item of a blank, to fill or to review: an anchor the summaries link to and focus moves to,
 * framed when remarked or refused, with the refusal and the remark first under its legend.
 */
export function ItemFrame(props: {
  itemKey: string;
  depth: number;
  legend: ReactNode;
  remark: Remark | undefined;
  problem: string | undefined;
  className: string;
  children: ReactNode;
}) {
  const problemId = `problem-${props.itemKey}`;
  return (
    <fieldset
      id={itemAnchor(props.itemKey)}
      tabIndex={-1}
      aria-describedby={props.problem ? problemId : undefined}
      className={cn(
        "scroll-mt-24 rounded-md border border-border bg-background p-4",
        props.className,
        props.remark && REMARKED_FRAME,
        props.problem && "border-destructive",
      )}
      style={{ marginLeft: `${props.depth * 1.25}rem` }}
    >
      <legend className="px-1 font-medium">{props.legend}</legend>
      {props.problem && <ItemProblem id={problemId} message={props.problem} />}
      {props.remark && <ItemRemark remark={props.remark} />}
      {props.children}
    </fieldset>
  );
}

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
function ItemProblem({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {message}
    </p>
  );
}
