import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import type { PlanEventStatus, TimingKind } from "@/lib/generated/prisma/client";
import { isOverdue, missedDueDates, nextDueDate } from "@/lib/domain/plans/overdue";
import type { Scope } from "@/lib/scope";
import { describeRequisites } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { ownerNames } from "@/lib/server/documents/list-documents";
import { planWhere, planWriteWhere } from "./plan-access";

const day = (d: Date) => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null) => (d ? day(d) : null);

export interface PlanEventView {
  id: string;
  number: string | null;
  position: number;
  title: string;
  description: string;
  timingText: string;
  timingKind: TimingKind;
  startsOn: string | null;
  endsOn: string | null;
  dueDates: string[];
  heldDates: string[];
  stageId: string | null;
  sectionId: string | null;
  responsibleText: string;
  responsiblePeople: string[];
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  audience: string;
  expectedResult: string;
  evidenceText: string;
  status: PlanEventStatus;
  heldOn: string | null;
  overdue: boolean;
  missedDueDates: string[];
  nextDue: string | null;
  documents: Array<{ id: string; documentId: string | null; url: string | null; label: string }>;
  updatedAt: string;
}

/** A plan with its stages, sections and events as the caller may see it; overdue is derived for today. */
export async function getPlan(options: { scope: Scope; planId: string; today?: string }) {
  const today = options.today ?? earliestLocalToday();
  const plan = await db().plan.findFirst({
    where: { AND: [{ id: options.planId }, planWhere(options.scope)] },
    include: {
      stages: { orderBy: { number: "asc" } },
      sections: { orderBy: { position: "asc" } },
      events: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { documents: { orderBy: { position: "asc" } } } },
    },
  });
  if (!plan) throw notFound("План не найден.");
  const documentIds = plan.events.flatMap((e) => e.documents.flatMap((d) => (d.documentId ? [d.documentId] : [])));
  const userIds = plan.events.flatMap((e) => (e.responsibleUserId ? [e.responsibleUserId] : []));
  const [canWrite, names, region, documents, users, approvedBy] = await Promise.all([
    db().plan.count({ where: { AND: [{ id: plan.id }, planWriteWhere(options.scope)] } }),
    ownerNames([plan]),
    db().region.findUniqueOrThrow({ where: { id: plan.regionId }, select: { name: true, code: true } }),
    db().registryDocument.findMany({ where: { id: { in: documentIds } } }),
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    plan.approvedById ? db().registryDocument.findUnique({ where: { id: plan.approvedById } }) : null,
  ]);
  const documentLabels = new Map(documents.map((d) => [d.id, describeRequisites(d)]));
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const events: PlanEventView[] = plan.events.map((e) => {
    const due = {
      status: e.status,
      timingKind: e.timingKind,
      endsOn: dayOrNull(e.endsOn),
      dueDates: e.dueDates.map(day),
      heldDates: e.heldDates.map(day),
    };
    return {
      id: e.id,
      number: e.number,
      position: e.position,
      title: e.title,
      description: e.description,
      timingText: e.timingText,
      timingKind: e.timingKind,
      startsOn: dayOrNull(e.startsOn),
      endsOn: due.endsOn,
      dueDates: due.dueDates,
      heldDates: due.heldDates,
      stageId: e.stageId,
      sectionId: e.sectionId,
      responsibleText: e.responsibleText,
      responsiblePeople: e.responsiblePeople,
      responsibleUserId: e.responsibleUserId,
      responsibleUserName: e.responsibleUserId ? (userNames.get(e.responsibleUserId) ?? null) : null,
      audience: e.audience,
      expectedResult: e.expectedResult,
      evidenceText: e.evidenceText,
      status: e.status,
      heldOn: dayOrNull(e.heldOn),
      overdue: isOverdue(due, today),
      missedDueDates: missedDueDates(due, today),
      nextDue: nextDueDate(due, today),
      documents: e.documents.map((d) => ({
        id: d.id,
        documentId: d.documentId,
        url: d.url,
        label: d.label ?? (d.documentId ? (documentLabels.get(d.documentId) ?? "Документ удалён из реестра") : (d.url ?? "")),
      })),
      updatedAt: e.updatedAt.toISOString(),
    };
  });
  return {
    id: plan.id,
    kind: plan.kind,
    title: plan.title,
    regionId: plan.regionId,
    regionCode: region.code,
    municipalityId: plan.municipalityId,
    organizationId: plan.organizationId,
    owner: names.get(plan.organizationId ?? plan.municipalityId ?? "") ?? region.name,
    municipalityName: plan.municipalityId ? (names.get(plan.municipalityId) ?? null) : null,
    regionName: region.name,
    schoolYear: plan.schoolYear,
    startsOn: day(plan.startsOn),
    endsOn: day(plan.endsOn),
    approvedBy: approvedBy ? { id: approvedBy.id, label: describeRequisites(approvedBy) } : null,
    stages: plan.stages.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      timingText: s.timingText,
      startsOn: dayOrNull(s.startsOn),
      endsOn: dayOrNull(s.endsOn),
    })),
    sections: plan.sections.map((s) => ({ id: s.id, number: s.number, title: s.title })),
    events,
    canWrite: canWrite > 0,
    today,
  };
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>;
