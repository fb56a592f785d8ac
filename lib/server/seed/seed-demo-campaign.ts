import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MUNICIPAL_BLANK_KEY, SCHOOL_BLANK_KEY, SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { authorityOf, demoAnswers } from "@/lib/seed-data/demo-answers";
import { asJson } from "@/lib/server/db/json";
import { scoreStoredBlank, syncFindings } from "@/lib/server/scoring/internal/score-stored-blank";
import { parseContent } from "@/lib/server/templates/get-template-version";

type Tx = Prisma.TransactionClient;

/**
 * The campaign of seed 000: the ten audited municipalities with filled, reviewed
 * and accepted blanks (municipal blank and their base school's blank), and the
 * three that did not submit. Skipped when it exists.
 */
export async function seedDemoCampaign(tx: Tx, regionId: string) {
  if (await tx.campaign.findFirst({ where: { regionId, name: SEED_CAMPAIGN.name } })) return;
  const versions = await tx.templateVersion.findMany({
    where: { status: "PUBLISHED", template: { regionId, key: { in: [MUNICIPAL_BLANK_KEY, SCHOOL_BLANK_KEY] } } },
    orderBy: { version: "desc" },
    include: { template: { select: { key: true, level: true } } },
  });
  const municipal = versions.find((v) => v.template.key === MUNICIPAL_BLANK_KEY)!;
  const school = versions.find((v) => v.template.key === SCHOOL_BLANK_KEY)!;
  const campaign = await tx.campaign.create({
    data: {
      regionId,
      name: SEED_CAMPAIGN.name,
      goal: SEED_CAMPAIGN.goal,
      tasks: [...SEED_CAMPAIGN.tasks],
      date: new Date(SEED_CAMPAIGN.date),
      deadline: new Date(SEED_CAMPAIGN.deadline),
      templates: { create: [{ templateVersionId: municipal.id }, { templateVersionId: school.id }] },
    },
  });
  const names = [...SEED_CAMPAIGN.audited, ...SEED_CAMPAIGN.notSubmitted];
  const municipalities = await tx.municipality.findMany({
    where: { regionId, name: { in: names } },
    include: { organizations: { where: { kind: "SCHOOL", isBaseSchool: true }, take: 1 } },
  });
  const submittedAt = new Date("2022-11-24T12:00:00Z");
  const acceptedAt = new Date("2022-12-02T12:00:00Z");
  for (const municipality of municipalities) {
    const index = (SEED_CAMPAIGN.audited as readonly string[]).indexOf(municipality.name);
    const audited = index >= 0;
    const base = municipality.organizations[0];
    const participants = [
      { version: municipal, issuer: authorityOf(municipality.name), organizationId: null, subjectId: municipality.id },
      ...(base ? [{ version: school, issuer: base.name, organizationId: base.id, subjectId: base.id }] : []),
    ];
    for (const p of participants) {
      const answers = audited ? demoAnswers(parseContent(p.version.content), p.issuer, index) : [];
      const created = await tx.blank.create({
        data: {
          regionId,
          campaignId: campaign.id,
          templateVersionId: p.version.id,
          municipalityId: municipality.id,
          organizationId: p.organizationId,
          subjectId: p.subjectId,
          status: audited ? "ACCEPTED" : "NOT_STARTED",
          version: audited ? 3 : 0,
          submittedAt: audited ? submittedAt : null,
          acceptedAt: audited ? acceptedAt : null,
          answers: {
            create: answers.map((a) => ({ itemKey: a.itemKey, value: asJson(a.value), mark: a.mark, markComment: a.markComment })),
          },
          history: {
            create: audited
              ? [
                  {
                    field: "status",
                    before: asJson("IN_PROGRESS"),
                    after: asJson("SUBMITTED"),
                    userName: "Координатор (демо)",
                    createdAt: submittedAt,
                  },
                  {
                    field: "status",
                    before: asJson("SUBMITTED"),
                    after: asJson("ACCEPTED"),
                    userName: "Приходько Марина Николаевна",
                    createdAt: acceptedAt,
                  },
                ]
              : [],
          },
        },
      });
      if (audited) await syncFindings(tx, created.id, await scoreStoredBlank(tx, created.id), acceptedAt);
    }
  }
  return campaign;
}
