import type { FindingStatus } from "./statuses";

export interface BlankFindingsForTally {
  /** Only submitted (or accepted) blanks count; non-submitters are listed apart. */
  submitted: boolean;
  findings: { itemKey: string; itemNumber: string; itemTitle: string; status: FindingStatus }[];
}

export interface TypicalError {
  itemKey: string;
  itemNumber: string;
  itemTitle: string;
  count: number;
  /** Share of the submitted blanks, in percent with one decimal. */
  share: number;
}

/** Compares printed numbers part by part: "1.2" < "1.10", "2" < "2.1". */
export function compareItemNumbers(a: string, b: string): number {
  const pa = a.split(".").filter(Boolean).map(Number);
  const pb = b.split(".").filter(Boolean).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return (Number.isNaN(x) ? 0 : x) - (Number.isNaN(y) ? 0 : y);
  }
  return a.localeCompare(b, "ru");
}

/**
 * The "типичные ошибки" of one level: for each item, how many and what share of
 * the submitted blanks have it non-compliant; by share, then item number.
 */
export function typicalErrors(blanks: BlankFindingsForTally[]): { submitted: number; errors: TypicalError[] } {
  const submitted = blanks.filter((b) => b.submitted);
  const byItem = new Map<string, Omit<TypicalError, "share">>();
  for (const blank of submitted) {
    for (const key of new Set(blank.findings.map((f) => f.itemKey))) {
      const finding = blank.findings.find((f) => f.itemKey === key)!;
      const row = byItem.get(key) ?? { itemKey: key, itemNumber: finding.itemNumber, itemTitle: finding.itemTitle, count: 0 };
      row.count++;
      byItem.set(key, row);
    }
  }
  const errors = [...byItem.values()]
    .map((row) => ({ ...row, share: Math.round((row.count / submitted.length) * 1000) / 10 }))
    .sort((a, b) => b.share - a.share || compareItemNumbers(a.itemNumber, b.itemNumber));
  return { submitted: submitted.length, errors };
}
