import { readFileSync } from "node:fs";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { currentSchoolYear } from "@/lib/domain/records/current-school-year";
import type { Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { answerableItems, type TTemplateDocument } from "@/lib/schemas/template";
import { loadScope } from "@/lib/server/auth/load-scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { storeFile } from "@/lib/server/files/store-file";
import { ensureMunicipality, ensureOrganization, ensurePublishedTemplate, ensureRegion, ensureUser } from "@/lib/server/seed/factories";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { getStudent } from "@/lib/server/students/get-student";
import { pdfSample, pngSample } from "../../support/file-samples";
import {
  createAssignment,
  createCampaign,
  createDocument,
  createPlan,
  createStudent,
  createTeacher,
  markFindingFixed,
  saveBlankAnswers,
  saveIndicator,
  saveIndicatorValue,
  savePlanEvent,
  saveRecommendations,
  saveReportSettings,
  submitBlank,
} from "../../support/operations";

/**
 * A tenant with one of everything the app's pages, route handlers and server
 * actions take ids of, built through the domain operations themselves (so the
 * rows are shaped as the app makes them). Every text the tenant owns carries its
 * `marker`: finding the marker in another tenant's answer is a leak.
 */
export async function buildWorld(options: { code: string; marker: string }) {
  const { code, marker } = options;
  const label = (what: string) => `${marker}-${what}`;
  const d = db();
  const region = await ensureRegion(d, { code, name: label("регион") });
  const municipality = await ensureMunicipality(d, { regionId: region.id, name: label("муниципалитет") });
  const school = await ensureOrganization(d, {
    regionId: region.id,
    municipalityId: municipality.id,
    kind: "SCHOOL",
    name: label("школа"),
    headName: label("директор"),
    addresses: [{ label: null, address: label("адрес") }],
  });

  const slug = `w${code}`;
  const user = async (role: Role, ids: { municipalityId?: string; organizationId?: string }) => {
    const row = await ensureUser(d, {
      email: `${role.toLowerCase()}@${slug}.test`,
      name: label(role),
      password: "matrix-password-2026",
      memberships: [{ role, regionId: region.id, ...ids }],
    });
    return { id: row.id, scope: (await loadScope(row.id)) as Scope };
  };
  const admin = await user("REGION_ADMIN", {});
  const auditor = await user("REGION_AUDITOR", {});
  const mo = await user("MUNICIPAL_COORDINATOR", { municipalityId: municipality.id });
  const schoolCoordinator = await user("SCHOOL_COORDINATOR", { municipalityId: municipality.id, organizationId: school.id });
  const users = { REGION_ADMIN: admin, REGION_AUDITOR: auditor, MUNICIPAL_COORDINATOR: mo, SCHOOL_COORDINATOR: schoolCoordinator };
  const memberships = await d.membership.findMany({ where: { regionId: region.id }, orderBy: { id: "asc" } });

  // Templates: the seed's two blanks under the tenant's names, published, and a draft of the next version.
  const named = (document: TTemplateDocument, what: string): TTemplateDocument => ({ ...document, name: label(what) });
  const municipalTemplate = await ensurePublishedTemplate(d, { regionId: region.id, document: named(MUNICIPAL_BLANK, "бланк МО") });
  const schoolTemplate = await ensurePublishedTemplate(d, { regionId: region.id, document: named(SCHOOL_BLANK, "бланк школы") });
  const draft = await createNextVersion({ scope: admin.scope, templateId: municipalTemplate.template.id });

  // Files and registry documents: a scan of the municipality, an order of the school, a logo and a report file of the region.
  const storeFor = (
    scope: Scope,
    owner: { municipalityId: string | null; organizationId: string | null },
    name: string,
    bytes: Buffer,
    forChildRecord = false,
  ) => storeFile({ scope, owner: { regionId: region.id, ...owner }, name, bytes, allowed: ALL_FILE_KINDS, forChildRecord });
  const file = await storeFor(
    mo.scope,
    { municipalityId: municipality.id, organizationId: null },
    `${label("скан")}.pdf`,
    pdfSample(label("скан")),
  );
  const schoolFile = await storeFor(
    schoolCoordinator.scope,
    { municipalityId: municipality.id, organizationId: school.id },
    `${label("ИУП")}.pdf`,
    pdfSample(label("ИУП")),
  );
  const logo = await storeFor(admin.scope, { municipalityId: null, organizationId: null }, `${label("логотип")}.png`, pngSample());
  const reportFile = await storeFor(
    admin.scope,
    { municipalityId: null, organizationId: null },
    `${label("отчёт")}.pdf`,
    pdfSample(label("отчёт")),
  );
  // A file belongs to one owner (lib/server/privacy/file-access.ts): the finding's evidence and the student's ИУП are their own uploads.
  // A filled Word blank the municipality's coordinator uploaded to load into their blank, not yet applied.
  const blankDocx = await storeFor(
    mo.scope,
    { municipalityId: municipality.id, organizationId: null },
    `${label("бланк")}.docx`,
    readFileSync("tests/fixtures/blank-docx/municipal-seed-typed.docx"),
  );
  const evidenceFile = await storeFor(
    mo.scope,
    { municipalityId: municipality.id, organizationId: null },
    `${label("подтверждение")}.pdf`,
    pdfSample(label("подтверждение")),
  );
  const iupFile = await storeFor(
    schoolCoordinator.scope,
    { municipalityId: municipality.id, organizationId: school.id },
    `${label("ИУП ученика")}.pdf`,
    pdfSample(label("ИУП ученика")),
    true,
  );
  const document = await createDocument({
    scope: mo.scope,
    input: {
      owner: `municipality:${municipality.id}`,
      type: "приказ",
      issuer: label("управление"),
      date: "2024-08-30",
      number: "1",
      title: label("приказ"),
      fileId: file.id,
    },
  });
  const newerDocument = await createDocument({
    scope: mo.scope,
    input: {
      owner: `municipality:${municipality.id}`,
      type: "приказ",
      issuer: label("управление"),
      date: "2025-08-30",
      number: "2",
      title: label("новый приказ"),
    },
  });
  const schoolDocument = await createDocument({
    scope: schoolCoordinator.scope,
    input: {
      owner: `organization:${school.id}`,
      type: "приказ",
      issuer: label("школа"),
      date: "2025-08-30",
      number: "3",
      title: label("приказ школы"),
    },
  });

  // Two campaigns over the municipality and its school. The earlier one: the municipality's blank accepted, with
  // findings (one reported fixed), the school's sent for review. The current one: the municipality's blank being
  // filled, the school's sent for review. So every blank action has a blank in the state it acts on.
  const answer = (fileId: string | null) => ({
    kind: "DOCUMENT",
    present: true,
    docType: "Приказ",
    issuer: label("управление"),
    date: "2024-08-30",
    number: "1",
    title: label("ответ"),
    fileId,
  });
  const documentItem = (template: TTemplateDocument) => answerableItems(template.content).find((i) => i.kind === "DOCUMENT")!.key;
  const runCampaign = async (name: string, date: string) => {
    const campaign = await createCampaign({
      scope: admin.scope,
      input: {
        name: label(name),
        goal: label("цель"),
        tasks: [label("задача")],
        date,
        deadline: date,
        templateVersionIds: [municipalTemplate.version.id, schoolTemplate.version.id],
        municipalityIds: [municipality.id],
        schoolIds: [school.id],
      },
    });
    const blankOf = (subjectId: string) => d.blank.findFirstOrThrow({ where: { campaignId: campaign.id, subjectId } });
    const fill = async (subjectId: string, scope: Scope, template: TTemplateDocument, fileId: string | null, submit: boolean) => {
      const blank = await blankOf(subjectId);
      const itemKey = documentItem(template);
      const saved = await saveBlankAnswers({
        scope,
        input: { blankId: blank.id, version: blank.version, answers: [{ itemKey, value: answer(fileId) }] },
      });
      if (submit) await submitBlank({ scope, input: { blankId: blank.id, version: saved.version } });
      return { id: blank.id, itemKey };
    };
    return { campaign, fill };
  };
  const previous = await runCampaign("прошлая кампания", "2024-10-01");
  const accepted = await previous.fill(municipality.id, mo.scope, MUNICIPAL_BLANK, file.id, true);
  await markAllMatching({ scope: auditor.scope, blankId: accepted.id });
  await acceptBlank({ scope: auditor.scope, blankId: accepted.id });
  const returnable = await previous.fill(school.id, schoolCoordinator.scope, SCHOOL_BLANK, schoolFile.id, true);
  const current = await runCampaign("кампания", "2025-10-01");
  const fillable = await current.fill(municipality.id, mo.scope, MUNICIPAL_BLANK, file.id, false);
  const submitted = await current.fill(school.id, schoolCoordinator.scope, SCHOOL_BLANK, schoolFile.id, true);
  const campaign = current.campaign;
  const [finding, fixedFinding] = await d.finding.findMany({ where: { blankId: accepted.id }, orderBy: { itemNumber: "asc" }, take: 2 });
  await markFindingFixed({ scope: mo.scope, input: { findingId: fixedFinding!.id, comment: label("устранено"), fileId: evidenceFile.id } });

  // A plan of the municipality with a stage, a section, an event, an indicator and a value for the school.
  const schoolYear = currentSchoolYear();
  const plan = await createPlan({
    scope: mo.scope,
    input: {
      kind: "METHODICAL_PLAN",
      title: label("план"),
      owner: `municipality:${municipality.id}`,
      schoolYear,
      stages: [{ title: label("этап"), timingText: label("сроки этапа") }],
      sections: [{ number: "1", title: label("раздел") }],
    },
  });
  const [stage, section] = await Promise.all([
    d.planStage.findFirstOrThrow({ where: { planId: plan.id } }),
    d.planSection.findFirstOrThrow({ where: { planId: plan.id } }),
  ]);
  const event = await savePlanEvent({
    scope: mo.scope,
    planId: plan.id,
    input: {
      number: "1.1",
      title: label("мероприятие"),
      timingText: "В течение учебного года",
      sectionId: section.id,
      responsibleText: label("ответственный"),
      responsibleUserId: mo.id,
      documentIds: [document.id],
    },
  });
  const indicator = await saveIndicator({
    scope: mo.scope,
    planId: plan.id,
    input: {
      number: "1",
      title: label("показатель"),
      targetText: "не менее 30 % от общего количества педагогов в год",
      monitoring: label("мониторинг"),
    },
  });
  await saveIndicatorValue({
    scope: mo.scope,
    planId: plan.id,
    input: { indicatorId: indicator.id, period: schoolYear, organizationId: school.id, value: 10, base: 20, note: label("значение") },
  });

  // ДОТ records of the school in the current school year, and one read of the student's card.
  const teacher = await createTeacher({
    scope: schoolCoordinator.scope,
    input: {
      organizationId: school.id,
      schoolYear,
      fullName: label("Учитель"),
      subject: label("предмет"),
      courses: [{ title: label("курс"), dateFrom: "2024-01-10", dateTo: "2024-01-20", hours: 36 }],
    },
  });
  const student = await createStudent({
    scope: schoolCoordinator.scope,
    input: {
      organizationId: school.id,
      schoolYear,
      fullName: label("Ученик"),
      birthDate: "2012-04-01",
      grade: "7",
      enrolmentOrderId: schoolDocument.id,
      iupPresent: true,
      iupFileId: iupFile.id,
      timetable: label("расписание"),
      teacherIds: [teacher.id],
    },
  });
  await getStudent({ scope: auditor.scope, id: student.id });

  // Coordinators appointed by the municipality's order.
  const assignment = await createAssignment({
    scope: admin.scope,
    input: {
      role: "MUNICIPAL_COORDINATOR",
      subjectId: municipality.id,
      personName: label("Координатор Иван Иванович"),
      phone: "8 (800) 100-10-10",
      email: `coordinator@${slug}.test`,
      validFrom: "2024-09-01",
      orderDocumentId: document.id,
    },
  });
  await createAssignment({
    scope: admin.scope,
    input: {
      role: "SCHOOL_COORDINATOR",
      subjectId: school.id,
      personName: label("Координатор школы Пётр Петрович"),
      validFrom: "2024-09-01",
    },
  });

  // The region's report settings and recommendations, a finished background report and a notification.
  await saveReportSettings({
    scope: admin.scope,
    input: { regionId: region.id, organizationName: label("организация"), details: label("реквизиты"), logoFileId: logo.id },
  });
  await saveRecommendations({ scope: admin.scope, input: { texts: { ABSENT: label("рекомендация") } } });
  const now = Date.now();
  const reportJob = await d.reportJob.create({
    data: {
      regionId: region.id,
      requestedById: admin.id,
      kind: "campaign",
      subjectId: campaign.id,
      dedupeKey: `campaign:${campaign.id}:${admin.id}`,
      status: "DONE",
      progress: 100,
      title: label("отчёт"),
      fileId: reportFile.id,
      fileName: `${label("отчёт")}.pdf`,
      startedAt: new Date(now - 60_000),
      finishedAt: new Date(now - 30_000),
      expiresAt: new Date(now + 7 * 24 * 3600_000),
    },
  });
  // As the report worker files it: the requester's alone.
  await d.storedFile.update({ where: { id: reportFile.id }, data: { ownerKind: "REPORT_JOB", ownerId: reportJob.id } });
  await d.notification.createMany({
    data: Object.values(users).map((u) => ({
      userId: u.id,
      regionId: region.id,
      title: label("уведомление"),
      body: label("текст уведомления"),
      link: `/campaigns/${campaign.id}`,
      dedupeKey: `matrix:${slug}:${u.id}`,
    })),
  });

  return {
    marker,
    region,
    municipality,
    school,
    users,
    memberships,
    templates: { municipal: municipalTemplate, school: schoolTemplate, draft },
    file,
    schoolFile,
    evidenceFile,
    blankDocx,
    iupFile,
    logo,
    document,
    newerDocument,
    schoolDocument,
    campaign,
    previousCampaign: previous.campaign,
    /** accepted: with findings; returnable and submitted: sent for review; fillable: being filled by the municipality. */
    blanks: { accepted, returnable, fillable, submitted },
    finding: finding!,
    fixedFinding: fixedFinding!,
    schoolYear,
    plan,
    stage,
    section,
    event,
    indicator,
    teacher,
    student,
    assignment,
    reportJob,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
