import "server-only";
import { COUNTED_STATUSES } from "@/lib/dashboard/dashboard-roles";
import { diffFindings, pickCampaigns } from "@/lib/dashboard/dynamics";
import { averageScore, scoreChange } from "@/lib/dashboard/scores";
import { displayItemTitle } from "@/lib/dashboard/typical-error-rows";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { municipalityWhere, narrowScope, type Scope } from "@/lib/scope";
import type { BlankStatus } from "@/lib/schemas/blank";
import type { TemplateLevel } from "@/lib/schemas/template";
import { compareItemNumbers } from "@/lib/scoring/typical-errors";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";
import { SUPERVISORS } from "@/lib/roles";

export interface DynamicsCampaign {
  id: string;
  name: string;
  date: string;
  createdAt: Date;
}

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

/**
 * One municipality across two campaigns of one template: the scores then and now
 * and the change, and the findings closed (in the earlier campaign, not in the
 * later) and new (the other way round), matched by participant and item. By
 * default the latest two campaigns in which it took part with that template;
 * `from`/`to` choose others. Findings are compared only between accepted blanks,
 * since a blank gets its findings on acceptance.
 */
export async function getMunicipalityDynamics(options: {
  scope: Scope;
  municipalityId: string;
  templateId?: string;
  fromCampaignId?: string;
  toCampaignId?: string;
}) {
  const scope = narrowScope(options.scope, SUPERVISORS);
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id: options.municipalityId }, municipalityWhere(scope)] },
    select: { id: true, name: true, regionId: true },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");
  const own: Prisma.BlankWhereInput = {
    AND: [{ regionId: municipality.regionId, municipalityId: municipality.id }, blankWhere(scope)],
  };

  const templates = await db().template.findMany({
    where: { regionId: municipality.regionId, versions: { some: { blanks: { some: own } } } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true, level: true },
  });
  const template = options.templateId ? templates.find((t) => t.id === options.templateId) : templates[0];
  if (options.templateId && !template) throw notFound("Шаблон не найден.");
  const base = { municipality: { id: municipality.id, name: municipality.name }, templates };
  if (!template) return { ...base, template: null, campaigns: [], reason: "NO_TEMPLATE" as DynamicsReason, comparison: null };

  const participation: Prisma.BlankWhereInput = { AND: [own, { templateVersion: { templateId: template.id } }] };
  const campaigns: DynamicsCampaign[] = (
    await db().campaign.findMany({
      where: { regionId: municipality.regionId, blanks: { some: participation } },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      select: { id: true, name: true, date: true, createdAt: true },
    })
  ).map((c) => ({ ...c, date: c.date.toISOString().slice(0, 10) }));
  const pick = pickCampaigns(campaigns, { from: options.fromCampaignId, to: options.toCampaignId });
  const withTemplate = { ...base, template: template as { id: string; name: string; level: TemplateLevel }, campaigns };
  if (pick.reason) return { ...withTemplate, reason: pick.reason as DynamicsReason, comparison: null };
  const { earlier, later } = pick;

  const blanks = await db().blank.findMany({
    where: { AND: [participation, { campaignId: { in: [earlier.id, later.id] } }] },
    orderBy: [{ organization: { name: "asc" } }],
    select: {
      campaignId: true,
      subjectId: true,
      status: true,
      score: true,
      grade: true,
      organization: { select: { name: true } },
      findings: { select: { itemKey: true, itemNumber: true, itemTitle: true, status: true } },
    },
  });
  const subjectName = (b: (typeof blanks)[number]) => b.organization?.name ?? municipality.name;
  const isCounted = (b: (typeof blanks)[number]) => (COUNTED_STATUSES as readonly string[]).includes(b.status);

  const side = (campaign: DynamicsCampaign): DynamicsSide => {
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
  };
  const then = side(earlier);
  const now = side(later);

  const subjects: DynamicsSubjectRow[] = [...new Set(blanks.map((b) => b.subjectId))].map((subjectId) => {
    const at = (campaignId: string) => blanks.find((b) => b.subjectId === subjectId && b.campaignId === campaignId);
    const [a, b] = [at(earlier.id), at(later.id)];
    const view = (blank: typeof a) => (blank ? { status: blank.status, score: isCounted(blank) ? blank.score : null } : null);
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
  const diff = diffFindings(findingsOf(earlier.id), findingsOf(later.id));

  return {
    ...withTemplate,
    reason: null,
    comparison: {
      earlier: then,
      later: now,
      change: scoreChange(then.score, now.score),
      subjects,
      findings: {
        compared: comparable.size,
        notCompared: subjects.length - comparable.size,
        ...diff,
      },
    },
  };
}

export type MunicipalityDynamics = Awaited<ReturnType<typeof getMunicipalityDynamics>>;
