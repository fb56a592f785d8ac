import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scoreBlank, type BlankScore } from "@/lib/domain/scoring/score-blank";
import { FINDING_STATUSES, type FindingStatus } from "@/lib/domain/scoring/statuses";
import { ZBlankAnswer } from "@/lib/schemas/blank";
import { asJson } from "@/lib/server/db/json";
import { officialCountsForBlank } from "@/lib/server/students/official-counts-for-blank";
import { getPublishedContent } from "@/lib/server/templates/get-published-content";
import { bumpStatsVersion } from "@/lib/server/dashboard/internal/bump-stats-version";

type Tx = Prisma.TransactionClient;

/** Days a participant gets to fix a finding, counted from acceptance. */
export const REMEDIATION_DAYS = 30;

/**
 * Scores a stored blank and keeps the result with it: each item's status on its
 * answer (a row is created for unanswered items, so the regional tallies can
 * count them in SQL) and the blank's score and grade. Runs in the caller's
 * transaction, on submission, on each auditor's mark, and on acceptance.
 */
export async function scoreStoredBlank(tx: Tx, blankId: string): Promise<BlankScore> {
  const blank = await tx.blank.findUniqueOrThrow({
    where: { id: blankId },
    include: {
      answers: true,
      campaign: { select: { date: true } },
      templateVersion: { select: { template: { select: { key: true } } } },
    },
  });
  const recommendations = Object.fromEntries(
    (await tx.recommendationDefault.findMany({ where: { regionId: blank.regionId } }))
      .filter((r) => (FINDING_STATUSES as readonly string[]).includes(r.status))
      .map((r) => [r.status as FindingStatus, r.text]),
  );
  const content = await getPublishedContent(blank.templateVersionId, tx);
  const answers = Object.fromEntries(
    blank.answers.map((a) => [a.itemKey, { value: a.value === null ? null : ZBlankAnswer.parse(a.value), mark: a.mark }]),
  );
  const campaignDate = blank.campaign.date.toISOString().slice(0, 10);
  // Counts that differ from our records are mismatches; the counts are kept with the blank.
  const officialCounts = await officialCountsForBlank(
    tx,
    { ...blank, templateKey: blank.templateVersion.template.key, campaignDate },
    content,
  );
  const result = scoreBlank(content, answers, { campaignDate, recommendations, officialCounts });
  const existing = new Map(blank.answers.map((a) => [a.itemKey, a.status]));
  for (const item of result.items) {
    if (existing.get(item.key) === item.status) continue;
    await tx.answer.upsert({
      where: { blankId_itemKey: { blankId, itemKey: item.key } },
      update: { status: item.status },
      create: { blankId, itemKey: item.key, status: item.status },
    });
  }
  await tx.blank.update({
    where: { id: blankId },
    data: { score: result.score, grade: result.grade, scoredAt: new Date(), officialCounts: asJson(officialCounts) },
  });
  // A new score or item status changes the campaign's dashboard: its cached aggregates are stale now.
  await bumpStatsVersion(tx, blankId);
  return result;
}

/**
 * On acceptance: one finding per non-compliant item, with a remediation deadline.
 * On re-acceptance the findings follow the new answers: still-present ones keep
 * their remediation progress, open ones that are now compliant are dropped.
 */
export async function syncFindings(tx: Tx, blankId: string, score: BlankScore, acceptedAt: Date) {
  const blank = await tx.blank.findUniqueOrThrow({ where: { id: blankId } });
  const deadline = new Date(acceptedAt.getTime() + REMEDIATION_DAYS * 24 * 60 * 60 * 1000);
  const keys = score.findings.map((f) => f.itemKey);
  await tx.finding.deleteMany({ where: { blankId, itemKey: { notIn: keys }, remediationStatus: "OPEN" } });
  for (const f of score.findings) {
    const fields = {
      itemNumber: f.itemNumber,
      itemTitle: f.itemTitle,
      status: f.status,
      severity: f.severity,
      legalBasis: f.legalBasis,
      recommendation: f.recommendation,
    };
    await tx.finding.upsert({
      where: { blankId_itemKey: { blankId, itemKey: f.itemKey } },
      update: fields,
      create: {
        ...fields,
        blankId,
        itemKey: f.itemKey,
        regionId: blank.regionId,
        campaignId: blank.campaignId,
        municipalityId: blank.municipalityId,
        organizationId: blank.organizationId,
        deadline,
      },
    });
  }
}
