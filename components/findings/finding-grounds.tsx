import { FINDING_COLUMNS as C, legalBasisText } from "@/lib/domain/exports/lists/findings";
import type { FindingRow } from "@/lib/server/findings/list-findings";

/**
 * What the finding is about, in the list's «Нарушение» cell: the item's status, the
 * auditor's remark when marking it, and the legal basis (one cell on screen, three
 * columns in the export, so that the table stays readable on a laptop).
 */
export function FindingGrounds({ finding }: { finding: Pick<FindingRow, "statusLabel" | "remark" | "legalBasis"> }) {
  return (
    <div className="min-w-56 space-y-1">
      <p>{finding.statusLabel}</p>
      {finding.remark && (
        <p>
          <span className="font-medium">{C.remark.header}: </span>
          <span className="whitespace-pre-line">{finding.remark}</span>
        </p>
      )}
      <p className="text-xs text-muted-foreground">
        <span className="font-medium">{C.legalBasis.header}: </span>
        {legalBasisText(finding.legalBasis)}
      </p>
    </div>
  );
}
