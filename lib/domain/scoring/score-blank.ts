import { effectiveLegalBasis, walkItems, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { itemStatus, type ItemContext, type ScoredAnswer } from "./item-status";
import { creditOf, DEFAULT_RECOMMENDATIONS, isFinding, SEVERITY_OF, type FindingStatus, type ItemStatus, type Severity } from "./statuses";

export const GRADES = {
  COMPLIANT: "соответствует",
  PARTIAL: "частично соответствует",
  NON_COMPLIANT: "не соответствует",
  NOT_RATED: "не оценивается",
} as const;
export type Grade = (typeof GRADES)[keyof typeof GRADES];

export interface Finding {
  itemKey: string;
  itemNumber: string;
  itemTitle: string;
  status: FindingStatus;
  severity: Severity;
  legalBasis: string;
  recommendation: string;
  critical: boolean;
}

export interface BlankScore {
  /** Weighted compliant share in percent, one decimal; null when no item is applicable. */
  score: number | null;
  grade: Grade;
  sections: { key: string; number: string; title: string; score: number | null }[];
  items: { key: string; number: string; status: ItemStatus }[];
  findings: Finding[];
}

export interface ScoreOptions extends Omit<ItemContext, "officialCount"> {
  /** Counts from the product's records, by item key. */
  officialCounts?: Record<string, number>;
  recommendations?: Partial<Record<FindingStatus, string>>;
}

function percent(earned: number, possible: number): number | null {
  if (possible === 0) return null;
  return Math.round((earned / possible) * 1000) / 10;
}

interface Tally {
  earned: number;
  possible: number;
}

/**
 * Scores one blank: each answerable item's status, section and blank scores
 * (weighted compliant share; "not applicable" leaves both sides, "not answered"
 * stays in the denominator), the grade, and a finding per non-compliant item.
 */
export function scoreBlank(content: TTemplateContent, answers: Record<string, ScoredAnswer>, options: ScoreOptions): BlankScore {
  const statuses = new Map<string, ItemStatus>();
  const tally = (items: TTemplateItem[], into: Tally) => {
    for (const item of items) {
      if (item.kind !== "SECTION") {
        const status = itemStatus(item, answers[item.key], {
          campaignDate: options.campaignDate,
          officialCount: options.officialCounts?.[item.key],
        });
        statuses.set(item.key, status);
        if (status !== "NOT_APPLICABLE") {
          into.earned += item.weight * creditOf(status);
          into.possible += item.weight;
        }
      }
      tally(item.children, into);
    }
  };
  const total: Tally = { earned: 0, possible: 0 };
  tally(content.items, total);

  const walked = [...walkItems(content.items)];
  const sections = walked
    .filter(({ item }) => item.kind === "SECTION")
    // A section is scored over every answerable item below it; one with none is left out.
    .filter(({ item }) => [...walkItems(item.children)].some(({ item: inner }) => statuses.has(inner.key)))
    .map(({ item }) => {
      const own: Tally = { earned: 0, possible: 0 };
      for (const { item: inner } of walkItems(item.children)) {
        const status = statuses.get(inner.key);
        if (!status || status === "NOT_APPLICABLE") continue;
        own.earned += inner.weight * creditOf(status);
        own.possible += inner.weight;
      }
      return { key: item.key, number: item.number, title: item.title, score: percent(own.earned, own.possible) };
    });

  const findings: Finding[] = [];
  let criticalFailed = false;
  for (const { item } of walked) {
    const status = statuses.get(item.key);
    if (!status || !isFinding(status)) continue;
    if (item.critical) criticalFailed = true;
    findings.push({
      itemKey: item.key,
      itemNumber: item.number,
      itemTitle: item.title,
      status,
      severity: SEVERITY_OF[status],
      legalBasis: effectiveLegalBasis(content, item.key)
        .map((b) => b.text)
        .join("; "),
      recommendation: options.recommendations?.[status] ?? DEFAULT_RECOMMENDATIONS[status],
      critical: item.critical,
    });
  }

  const score = percent(total.earned, total.possible);
  const bands = content.gradeBands;
  // A failed critical item fails the blank whatever the score, even when it weighs nothing and all else is not applicable.
  const grade: Grade = criticalFailed
    ? GRADES.NON_COMPLIANT
    : score === null
      ? GRADES.NOT_RATED
      : score >= bands.compliant
        ? GRADES.COMPLIANT
        : score >= bands.partial
          ? GRADES.PARTIAL
          : GRADES.NON_COMPLIANT;
  return {
    score,
    grade,
    sections,
    items: walked
      .filter(({ item }) => statuses.has(item.key))
      .map(({ item }) => ({ key: item.key, number: item.number, status: statuses.get(item.key)! })),
    findings,
  };
}
