import { Fragment } from "react";
import { remarkCount, type Remark } from "@/lib/domain/blanks/remarks";
import { itemAnchor } from "./item-focus";

/** Above the items: how many remarks and where (each a link to its item), and the filter that shows only them. */
export function RemarksSummary(props: { remarks: readonly Remark[]; only: boolean; onOnlyChange: (only: boolean) => void }) {
  if (props.remarks.length === 0) return null;
  return (
    <section
      aria-labelledby="remarks-title"
      className="space-y-2 rounded-md border border-amber-600 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="remarks-title" className="font-semibold">
        Замечания аудитора
      </h2>
      <p>
        {remarkCount(props.remarks.length)}:{" "}
        {props.remarks.map((remark, index) => (
          <Fragment key={remark.itemKey}>
            {index > 0 && ", "}
            <a href={`#${itemAnchor(remark.itemKey)}`} className="font-medium underline">
              {remark.name}
            </a>
          </Fragment>
        ))}
      </p>
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={props.only} onChange={(e) => props.onOnlyChange(e.target.checked)} />
        только пункты с замечаниями
      </label>
    </section>
  );
}
