import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MUNICIPAL_BLANK, SCHOOL_BLANK, SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { scoreBlank } from "@/lib/scoring/score-blank";
import { asJson } from "@/lib/server/db/json";
import { REMEDIATION_DAYS } from "@/lib/server/scoring/score-stored-blank";
import { parseContent } from "@/lib/server/templates/get-template-version";
import { ensurePublishedTemplate } from "../factories";
import { generatedAnswers, officialCountsOf } from "./answers";
import { insertChunked } from "./bulk";
import { GENERATED_CAMPAIGN } from "./scales";
import type { StudentTallies } from "./students";
import type { GenContext, GenDirectory } from "./types";

type Prepared = { id: string; content: ReturnType<typeof parseContent>; key: string };

/**
 * Seed 000's two blanks published for the region and one campaign with a blank
 * for every municipality and school: most accepted, with answers to every item,
 * scored in memory by lib/scoring (item statuses, score, grade, findings) and
 * inserted in bulk; the rest not submitted (not started, or begun and left).
 */
export async function generateCampaign(ctx: GenContext, directory: GenDirectory, tallies: StudentTallies) {
  const { tx, log } = ctx;
  const random = ctx.random.fork("campaign");
  const { regionId } = directory;
  const prepare = async (document: typeof MUNICIPAL_BLANK): Promise<Prepared> => {
    const { version } = await ensurePublishedTemplate(tx, { regionId, document });
    return { id: version.id, content: parseContent(version.content), key: document.key };
  };
  const municipal = await prepare(MUNICIPAL_BLANK);
  const school = await prepare(SCHOOL_BLANK);
  const campaign = await tx.campaign.create({
    data: {
      regionId,
      name: `Методический аудит ${GENERATED_CAMPAIGN.date.slice(0, 4)}: ${directory.regionName}`,
      goal: SEED_CAMPAIGN.goal,
      tasks: [...SEED_CAMPAIGN.tasks],
      date: new Date(GENERATED_CAMPAIGN.date),
      deadline: new Date(GENERATED_CAMPAIGN.deadline),
      templates: { create: [{ templateVersionId: municipal.id }, { templateVersionId: school.id }] },
    },
  });

  const municipalityNames = new Map(directory.municipalities.map((m) => [m.id, m.name]));
  const participants = [
    ...directory.municipalities.map((m) => ({ template: municipal, municipalityId: m.id, organizationId: null, subjectId: m.id, issuer: `Управление образования администрации МО ${m.name}`, tallies: tallies.byMunicipality.get(m.id) })),
    ...directory.schools.map((s) => ({ template: school, municipalityId: s.municipalityId, organizationId: s.id, subjectId: s.id, issuer: s.name, tallies: tallies.bySchool.get(s.id) })),
  ];
  // Exactly the scale's share never submitted: three in four not started, the rest begun and left.
  const notSubmitted = random.shuffle(participants.map((_, i) => i)).slice(0, Math.round(participants.length * ctx.scale.notSubmittedShare));
  const statusOf = new Map(notSubmitted.map((index, n) => [index, n % 4 === 3 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const)]));

  const campaignYear = Number(GENERATED_CAMPAIGN.date.slice(0, 4));
  const submittedAt = new Date(GENERATED_CAMPAIGN.submittedAt);
  const acceptedAt = new Date(GENERATED_CAMPAIGN.acceptedAt);
  const deadline = new Date(acceptedAt.getTime() + REMEDIATION_DAYS * 86_400_000);
  const blanks: Prisma.BlankCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const history: Prisma.AnswerChangeCreateManyInput[] = [];
  const findings: Prisma.FindingCreateManyInput[] = [];
  for (const [index, p] of participants.entries()) {
    const status = statusOf.get(index) ?? "ACCEPTED";
    const accepted = status === "ACCEPTED";
    const blankId = randomUUID();
    const officialCounts = officialCountsOf(p.template.content, p.template.key, p.tallies);
    const generated = status === "NOT_STARTED" ? [] : generatedAnswers(random, p.template.content, { issuer: p.issuer, campaignYear, officialCounts, marked: accepted });
    const score = accepted
      ? scoreBlank(p.template.content, Object.fromEntries(generated.map((a) => [a.itemKey, { value: a.value, mark: a.mark }])), { campaignDate: GENERATED_CAMPAIGN.date, recommendations: {}, officialCounts })
      : null;
    const statusByKey = new Map(score?.items.map((i) => [i.key, i.status]));
    blanks.push({
      id: blankId,
      regionId,
      campaignId: campaign.id,
      templateVersionId: p.template.id,
      municipalityId: p.municipalityId,
      organizationId: p.organizationId,
      subjectId: p.subjectId,
      status,
      version: accepted ? 3 : status === "IN_PROGRESS" ? 1 : 0,
      submittedAt: accepted ? submittedAt : null,
      acceptedAt: accepted ? acceptedAt : null,
      score: score?.score ?? null,
      grade: score?.grade ?? null,
      scoredAt: score ? acceptedAt : null,
      officialCounts: score ? asJson(officialCounts) : undefined,
    });
    for (const a of generated) {
      answers.push({ blankId, itemKey: a.itemKey, value: asJson(a.value), mark: accepted ? a.mark : null, markComment: accepted ? a.markComment : null, status: statusByKey.get(a.itemKey) ?? null });
    }
    if (!score) continue;
    history.push(
      { blankId, field: "status", before: asJson("IN_PROGRESS"), after: asJson("SUBMITTED"), userName: `Координатор (${municipalityNames.get(p.municipalityId)})`, createdAt: submittedAt },
      { blankId, field: "status", before: asJson("SUBMITTED"), after: asJson("ACCEPTED"), userName: "Аудитор (демо)", createdAt: acceptedAt },
    );
    for (const f of score.findings) {
      findings.push({
        regionId, campaignId: campaign.id, blankId, municipalityId: p.municipalityId, organizationId: p.organizationId,
        itemKey: f.itemKey, itemNumber: f.itemNumber, itemTitle: f.itemTitle, status: f.status, severity: f.severity,
        legalBasis: f.legalBasis, recommendation: f.recommendation, deadline,
      });
    }
  }
  await insertChunked("blanks", blanks, (a) => tx.blank.createMany(a), log);
  await insertChunked("answers", answers, (a) => tx.answer.createMany(a), log);
  await insertChunked("blank history", history, (a) => tx.answerChange.createMany(a), log);
  await insertChunked("findings", findings, (a) => tx.finding.createMany(a), log);
  return { campaignId: campaign.id, blanks: blanks.length, accepted: blanks.filter((b) => b.status === "ACCEPTED").length, answers: answers.length, findings: findings.length };
}

