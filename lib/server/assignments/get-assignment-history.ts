import "server-only";
import { notFound } from "@/lib/errors";
import { municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { assignmentToday, isCurrent, isoDay, orderRequisites } from "@/lib/schemas/assignment";
import { db } from "@/lib/server/db/client";
import { canAppointFor, type AssignmentSubject } from "./assignment-access";
import type { CoordinatorRole } from "@/lib/roles";

/**
 * The appointment history of one municipality (its municipal coordinators) or
 * one school (its school coordinators), newest first, for anyone who may see
 * the subject; a foreign id is "not found".
 */
export async function getAssignmentHistory(options: { scope: Scope; subjectId: string; today?: string }) {
  const { scope, subjectId } = options;
  const today = options.today ?? assignmentToday();
  const subject = await findSubject(scope, subjectId);
  const rows = await db().coordinatorAssignment.findMany({
    where: {
      regionId: subject.regionId,
      role: subject.role,
      municipalityId: subject.municipalityId,
      organizationId: subject.organizationId,
    },
    orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      role: true,
      personName: true,
      phone: true,
      email: true,
      validFrom: true,
      validTo: true,
      userId: true,
      createdAt: true,
      orderDocument: { select: { id: true, type: true, date: true, number: true, title: true } },
    },
  });
  return {
    subject,
    canAppoint: canAppointFor(scope, subject),
    assignments: rows.map((r) => {
      const period = { validFrom: isoDay(r.validFrom), validTo: r.validTo ? isoDay(r.validTo) : null };
      return {
        id: r.id,
        role: r.role as CoordinatorRole,
        personName: r.personName,
        phone: r.phone,
        email: r.email,
        ...period,
        current: isCurrent(period, today),
        hasAccount: r.userId !== null,
        order: r.orderDocument
          ? { id: r.orderDocument.id, requisites: orderRequisites(r.orderDocument), title: r.orderDocument.title }
          : null,
        createdAt: r.createdAt,
      };
    }),
  };
}
export type AssignmentHistory = Awaited<ReturnType<typeof getAssignmentHistory>>;

async function findSubject(scope: Scope, id: string): Promise<AssignmentSubject> {
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id }, municipalityWhere(scope)] },
    select: { id: true, name: true, regionId: true },
  });
  if (municipality) {
    return {
      kind: "MUNICIPALITY",
      id: municipality.id,
      name: municipality.name,
      regionId: municipality.regionId,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      organizationId: null,
      role: "MUNICIPAL_COORDINATOR",
    };
  }
  const school = await db().organization.findFirst({
    where: { AND: [{ id, kind: "SCHOOL", municipalityId: { not: null } }, organizationWhere(scope)] },
    select: { id: true, name: true, regionId: true, municipalityId: true, municipality: { select: { name: true } } },
  });
  if (!school?.municipalityId || !school.municipality) throw notFound("Муниципалитет или школа не найдены.");
  return {
    kind: "SCHOOL",
    id: school.id,
    name: school.name,
    regionId: school.regionId,
    municipalityId: school.municipalityId,
    municipalityName: school.municipality.name,
    organizationId: school.id,
    role: "SCHOOL_COORDINATOR",
  };
}
