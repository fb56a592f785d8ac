import "server-only";
import { MUNICIPAL_BLANK, SCHOOL_BLANK, SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { authorityOf } from "@/lib/seed-data/demo-answers";
import { scoreBlank } from "@/lib/domain/scoring/score-blank";
import { REMEDIATION_DAYS } from "@/lib/server/scoring/internal/score-stored-blank";
import { parseContent } from "@/lib/server/templates/get-template-version";
import { ensurePublishedTemplate } from "../factories";
import { generatedAnswers, officialCountsOf } from "./answers";
import { day, insertRows, uuid7 } from "./bulk";
import type { CampaignDates } from "./scales";
import type { StudentTallies } from "./students";
import { ANSWER, ANSWER_CHANGE, BLANK, FINDING } from "./tables";
import type { GenContext, GenDirectory } from "./types";

type Prepared = { id: string; content: ReturnType<typeof parseContent>; key: string };
export interface CampaignTemplates {
  municipal: Prepared;
  school: Prepared;
}

/** Seed 000's two blanks published for the region (once: every campaign of the region uses them). */
export async function prepareTemplates(ctx: GenContext, regionId: string): Promise<CampaignTemplates> {
  const prepare = async (document: typeof MUNICIPAL_BLANK): Promise<Prepared> => {
    const { version } = await ensurePublishedTemplate(ctx.tx, { regionId, document });
    return { id: version.id, content: parseContent(version.content), key: document.key };
  };
  return { municipal: await prepare(MUNICIPAL_BLANK), school: await prepare(SCHOOL_BLANK) };
}

/**
 * One campaign with a blank for every municipality and school: most accepted,
 * with answers to every item, scored in memory by lib/scoring (item statuses,
 * score, grade, findings) and inserted in bulk; the rest not submitted (not
 * started, or begun and left). `tallies`: the ДОТ records of the campaign's
 * school year, if any (earlier years have none, so their count items have no
 * official counts, as officialCountsForBlank would find). `stream` names the
 * random stream, so one campaign's draws do not shift another's.
 */
export async function generateCampaign(
  ctx: GenContext,
  directory: GenDirectory,
  templates: CampaignTemplates,
  input: { dates: CampaignDates; previousCampaignId: string | null; tallies: StudentTallies | undefined; stream: string },
) {
  const { tx, log } = ctx;
  const random = ctx.random.fork(input.stream);
  const { regionId } = directory;
  const { municipal, school } = templates;
  const { dates, tallies } = input;
  const campaign = await tx.campaign.create({
    data: {
      regionId,
      name: `Методический аудит ${dates.date.slice(0, 4)}: ${directory.regionName}`,
      goal: SEED_CAMPAIGN.goal,
      tasks: [...SEED_CAMPAIGN.tasks],
      date: new Date(dates.date),
      deadline: new Date(dates.deadline),
      previousCampaignId: input.previousCampaignId,
      templates: { create: [{ templateVersionId: municipal.id }, { templateVersionId: school.id }] },
    },
  });

  const municipalityNames = new Map(directory.municipalities.map((m) => [m.id, m.name]));
  const participants = [
    ...directory.municipalities.map((m) => ({
      template: municipal,
      municipalityId: m.id,
      organizationId: null,
      subjectId: m.id,
      issuer: authorityOf(m.name),
      tallies: tallies?.byMunicipality.get(m.id),
    })),
    ...directory.schools.map((s) => ({
      template: school,
      municipalityId: s.municipalityId,
      organizationId: s.id,
      subjectId: s.id,
      issuer: s.name,
      tallies: tallies?.bySchool.get(s.id),
    })),
  ];
  // Exactly the scale's share never submitted: three in four not started, the rest begun and left.
  const notSubmitted = random
    .shuffle(participants.map((_, i) => i))
    .slice(0, Math.round(participants.length * ctx.scale.notSubmittedShare));
  const statusOf = new Map(notSubmitted.map((index, n) => [index, n % 4 === 3 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const)]));

  const campaignYear = Number(dates.date.slice(0, 4));
  const submittedAt = dates.submittedAt;
  const acceptedAt = dates.acceptedAt;
  const deadline = day(new Date(new Date(acceptedAt).getTime() + REMEDIATION_DAYS * 86_400_000));
  const blanks = [];
  const answers = [];
  const history = [];
  const findings = [];
  let accepted = 0;
  for (const [index, p] of participants.entries()) {
    const status = statusOf.get(index) ?? "ACCEPTED";
    const isAccepted = status === "ACCEPTED";
    const blankId = uuid7();
    const officialCounts = officialCountsOf(p.template.content, p.template.key, p.tallies);
    const generated =
      status === "NOT_STARTED"
        ? []
        : generatedAnswers(random, p.template.content, { issuer: p.issuer, campaignYear, officialCounts, marked: isAccepted });
    const score = isAccepted
      ? scoreBlank(p.template.content, Object.fromEntries(generated.map((a) => [a.itemKey, { value: a.value, mark: a.mark }])), {
          campaignDate: dates.date,
          recommendations: {},
          officialCounts,
        })
      : null;
    const statusByKey = new Map(score?.items.map((i) => [i.key, i.status]));
    if (isAccepted) accepted++;
    blanks.push({
      id: blankId,
      regionId,
      campaignId: campaign.id,
      templateVersionId: p.template.id,
      municipalityId: p.municipalityId,
      organizationId: p.organizationId,
      subjectId: p.subjectId,
      status,
      version: isAccepted ? 3 : status === "IN_PROGRESS" ? 1 : 0,
      submittedAt: isAccepted ? submittedAt : null,
      acceptedAt: isAccepted ? acceptedAt : null,
      score: score?.score ?? null,
      grade: score?.grade ?? null,
      scoredAt: score ? acceptedAt : null,
      officialCounts: score ? officialCounts : null,
    });
    for (const a of generated) {
      answers.push({
        id: uuid7(),
        blankId,
        itemKey: a.itemKey,
        value: a.value,
        mark: isAccepted ? a.mark : null,
        markComment: isAccepted ? a.markComment : null,
        status: statusByKey.get(a.itemKey) ?? null,
      });
    }
    if (!score) continue;
    history.push(
      {
        id: uuid7(),
        blankId,
        field: "status",
        before: "IN_PROGRESS",
        after: "SUBMITTED",
        userName: `Координатор (${municipalityNames.get(p.municipalityId)})`,
        createdAt: submittedAt,
      },
      { id: uuid7(), blankId, field: "status", before: "SUBMITTED", after: "ACCEPTED", userName: "Аудитор (демо)", createdAt: acceptedAt },
    );
    for (const f of score.findings) {
      findings.push({
        id: uuid7(),
        regionId,
        campaignId: campaign.id,
        blankId,
        municipalityId: p.municipalityId,
        organizationId: p.organizationId,
        itemKey: f.itemKey,
        itemNumber: f.itemNumber,
        itemTitle: f.itemTitle,
        status: f.status,
        severity: f.severity,
        legalBasis: f.legalBasis,
        recommendation: f.recommendation,
        deadline,
      });
    }
  }
  await insertRows(tx, BLANK, blanks, "blanks", log);
  await insertRows(tx, ANSWER, answers, "answers", log);
  await insertRows(tx, ANSWER_CHANGE, history, "blank history", log);
  await insertRows(tx, FINDING, findings, "findings", log);
  return { campaignId: campaign.id, blanks: blanks.length, accepted, answers: answers.length, findings: findings.length };
}
