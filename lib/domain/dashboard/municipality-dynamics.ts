import type { BlankStatus } from "@/lib/schemas/blank";
import type { TemplateLevel } from "@/lib/schemas/template";
import { compareItemNumbers } from "@/lib/domain/scoring/typical-errors";
import { COUNTED_STATUSES } from "./counted-statuses";
import { diffFindings, type CampaignPick } from "./dynamics";
import { averageScore, scoreChange } from "./scores";
import { displayItemTitle } from "./typical-error-rows";

export interface DynamicsCampaign {
  id: string;
  name: string;
  date: string;
  createdAt: Date;
}

export interface DynamicsTemplate {
  id: string;
  name: string;
  level: TemplateLevel;
}

/** A blank of the municipality (its own or a school's) in one of the two campaigns. */
export interface DynamicsBlank {
  campaignId: string;
  /** The municipality for its own blank, the school for a school blank. */
  subjectId: string;
  status: BlankStatus;
  score: number | null;
  grade: string | null;
  /** The school; none for the municipality's own blank. */
  organization: { name: string } | null;
  findings: { itemKey: string; itemNumber: string; itemTitle: string; status: string }[];
}

/** What the database gives for a municipality's dynamics (lib/server/dashboard/query-municipality-dynamics.ts). */
export type DynamicsRows = {
  municipality: { id: string; name: string };
  /** The templates of the blanks it had, in any campaign. */
  templates: DynamicsTemplate[];
} & (
  | { template: null }
  | {
      template: DynamicsTemplate;
      /** The campaigns in which it took part with the template, newest first. */
      campaigns: DynamicsCampaign[];
      pick: CampaignPick<DynamicsCampaign>;
      /** Its blanks of the template in the two picked campaigns, by school name. */
      blanks: DynamicsBlank[];
    }
);

export interface DynamicsSide {
  campaign: DynamicsCampaign;
  /** The participant's blank status when there is one blank (the municipality's own). */
  status: BlankStatus | null;
  /** The blank's score, or the mean of the schools' scores, over submitted or accepted blanks. */
  score: number | null;
  grade: string | null;
  blanks: number;
  counted: number;
}

export interface DynamicsSubjectRow {
  subjectId: string;
  name: string;
  earlier: { status: BlankStatus; score: number | null } | null;
  later: { status: BlankStatus; score: number | null } | null;
  change: number | null;
}

export interface DynamicsFinding {
  subjectId: string;
  subject: string;
  itemKey: string;
  itemNumber: string;
  itemTitle: string;
  /** The item status that made it a finding (ABSENT, MISMATCH, …). */
  status: string;
}

export type DynamicsReason = "NO_TEMPLATE" | "FEWER_THAN_TWO" | "SAME_CAMPAIGN";

export interface DynamicsComparison {
  earlier: DynamicsSide;
  later: DynamicsSide;
  change: number | null;
  subjects: DynamicsSubjectRow[];
  findings: {
    /** Participants accepted in both campaigns: only theirs are compared. */
    compared: number;
    notCompared: number;
    closed: DynamicsFinding[];
    new: DynamicsFinding[];
    kept: DynamicsFinding[];
  };
}

type DynamicsBase = { municipality: { id: string; name: string }; templates: DynamicsTemplate[] };

export type MunicipalityDynamics = DynamicsBase &
  (
    | { template: null; campaigns: DynamicsCampaign[]; reason: "NO_TEMPLATE"; comparison: null }
    | { template: DynamicsTemplate; campaigns: DynamicsCampaign[]; reason: "FEWER_THAN_TWO" | "SAME_CAMPAIGN"; comparison: null }
    | { template: DynamicsTemplate; campaigns: DynamicsCampaign[]; reason: null; comparison: DynamicsComparison }
  );

const isCounted = (blank: DynamicsBlank) => (COUNTED_STATUSES as readonly string[]).includes(blank.status);

/**
 * One municipality across two campaigns of one template: the scores then and now
 * and the change, and the findings closed (in the earlier campaign, not in the
 * later) and new (the other way round), matched by participant and item. Findings
 * are compared only between accepted blanks, since a blank gets its findings on acceptance.
 */
export function municipalityDynamics(rows: DynamicsRows): MunicipalityDynamics {
  const base = { municipality: rows.municipality, templates: rows.templates };
  if (rows.template === null) return { ...base, template: null, campaigns: [], reason: "NO_TEMPLATE", comparison: null };
  const withTemplate = { ...base, template: rows.template, campaigns: rows.campaigns };
  if (rows.pick.reason) return { ...withTemplate, reason: rows.pick.reason, comparison: null };
  return { ...withTemplate, reason: null, comparison: compare(rows.municipality.name, rows.pick.earlier, rows.pick.later, rows.blanks) };
}

function compare(municipality: string, earlier: DynamicsCampaign, later: DynamicsCampaign, blanks: DynamicsBlank[]): DynamicsComparison {
  const subjectName = (b: DynamicsBlank) => b.organization?.name ?? municipality;
  const then = side(earlier, blanks);
  const now = side(later, blanks);

  const subjects: DynamicsSubjectRow[] = [...new Set(blanks.map((b) => b.subjectId))].map((subjectId) => {
    const at = (campaignId: string) => blanks.find((b) => b.subjectId === subjectId && b.campaignId === campaignId);
    const [a, b] = [at(earlier.id), at(later.id)];
    const view = (blank: DynamicsBlank | undefined) =>
      blank ? { status: blank.status, score: isCounted(blank) ? blank.score : null } : null;
    return {
      subjectId,
      name: subjectName((a ?? b)!),
      earlier: view(a),
      later: view(b),
      change: scoreChange(view(a)?.score ?? null, view(b)?.score ?? null),
    };
  });

  // Only participants accepted in both campaigns have both sets of findings.
  const comparable = new Set(
    subjects.filter((s) => s.earlier?.status === "ACCEPTED" && s.later?.status === "ACCEPTED").map((s) => s.subjectId),
  );
  const findingsOf = (campaignId: string): DynamicsFinding[] =>
    blanks
      .filter((b) => b.campaignId === campaignId && comparable.has(b.subjectId))
      .flatMap((b) =>
        b.findings.map((f) => ({
          subjectId: b.subjectId,
          subject: subjectName(b),
          itemKey: f.itemKey,
          itemNumber: f.itemNumber,
          itemTitle: displayItemTitle(f.itemTitle),
          status: f.status,
        })),
      )
      .sort((x, y) => x.subject.localeCompare(y.subject, "ru") || compareItemNumbers(x.itemNumber, y.itemNumber));

  return {
    earlier: then,
    later: now,
    change: scoreChange(then.score, now.score),
    subjects,
    findings: {
      compared: comparable.size,
      notCompared: subjects.length - comparable.size,
      ...diffFindings(findingsOf(earlier.id), findingsOf(later.id)),
    },
  };
}

function side(campaign: DynamicsCampaign, blanks: DynamicsBlank[]): DynamicsSide {
  const of = blanks.filter((b) => b.campaignId === campaign.id);
  const counted = of.filter(isCounted);
  return {
    campaign,
    status: of.length === 1 ? of[0]!.status : null,
    score: averageScore(counted.map((b) => b.score)),
    grade: of.length === 1 && counted.length === 1 ? counted[0]!.grade : null,
    blanks: of.length,
    counted: counted.length,
  };
}
